using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>How the web host reads its own settings (decision 035).</summary>
public sealed class HostConfigurationTests(MutualApp app) : IClassFixture<MutualApp>
{
    [Fact]
    public void SettingsFilesAreReadOnceSoNothingWatchesTheContentRoot()
    {
        var root = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();
        var files = root.Providers.OfType<FileConfigurationProvider>().ToList();
        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, f.Source.Path));
    }
}
