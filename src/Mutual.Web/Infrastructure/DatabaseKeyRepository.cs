using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mutual.Core.Accounts;
using Mutual.Core.Data;

namespace Mutual.Web.Infrastructure;

/// <summary>
/// Keeps the data-protection key ring in Mutual's own database, so every node of a deployment protects and reads
/// cookies and antiforgery tokens with the same keys and a restart logs nobody out. ASP.NET Core calls this
/// synchronously, rarely (at start-up, on key roll-over, and when it meets a key id it has not loaded), and
/// caches the ring in between. Keys are stored as the framework writes them (see docs/scaling.md on protecting
/// them at rest).
/// </summary>
public sealed class DatabaseKeyRepository(IDbContextFactory<MutualDbContext> factory, TimeProvider clock) : IXmlRepository
{
    public const string ApplicationName = "Mutual";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = factory.CreateSystem();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = factory.CreateSystem();
        db.DataProtectionKeys.Add(new DataProtectionKey
        {
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        db.SaveChanges();
    }

    /// <summary>One application name for every node (the default is the content root path, which differs per machine).</summary>
    public static void AddTo(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<IDbContextFactory<MutualDbContext>>(), sp.GetRequiredService<TimeProvider>())));
    }
}
