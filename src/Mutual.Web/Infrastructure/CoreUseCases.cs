using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;

namespace Mutual.Web.Infrastructure;

public static class CoreUseCases
{
    /// <summary>Registers every Core handler, query and service that works on the request's context or opens its own (one class per use case).</summary>
    public static IServiceCollection AddCoreUseCases(this IServiceCollection services)
    {
        var useCases = typeof(MutualDbContext).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false }
                && t.GetConstructors().Any(c => c.GetParameters().Any(p =>
                    p.ParameterType == typeof(MutualDbContext) || p.ParameterType == typeof(IDbContextFactory<MutualDbContext>))));
        foreach (var type in useCases) services.AddScoped(type);
        return services;
    }
}
