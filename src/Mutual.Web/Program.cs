using Microsoft.AspNetCore.Authentication.Cookies;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Json;
using Mutual.Core.Accounts;
using Mutual.Core.Data;
using Mutual.Core.Webhooks;
using Mutual.Web.Api;
using Mutual.Web.Components;
using Mutual.Web.Infrastructure;
using MudBlazor.Services;
using Scalar.AspNetCore;

// `--demo` is a bare flag, which configuration does not read; it stands for Mutual:Demo=true.
// appsettings*.json are read once (decision 035): reloading them on change watches the whole content root through
// inotify, and with the database under it (`data/`, the default) every write to SQLite's log woke the watcher.
// The command line can turn it back on (`--hostBuilder:reloadConfigOnChange=true` comes after this default).
var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args.Select(a => a == "--demo" ? "--Mutual:Demo=true" : a)]);
var config = builder.Configuration;
// `dotnet run` serves the build's static assets (compressed variants live under obj/) in every environment, not only
// Development; a published app has no such manifest and serves its wwwroot as published.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(new AuthOptions
{
    TokenLifetime = TimeSpan.FromMinutes(config.GetValue("Mutual:Auth:TokenLifetimeMinutes", 60)),
});
builder.Services.AddHttpContextAccessor();
builder.Services.AddMutualDatabase(config);
builder.Services.AddCoreUseCases();
// The network index is per node and long-lived; these replace the scoped registrations AddCoreUseCases made for NetworkSync.
builder.Services.AddSingleton<Mutual.Core.Network.NetworkIndex>();
builder.Services.AddSingleton<Mutual.Core.Network.NetworkSync>();
builder.Services.AddSingleton<NodeWarmUp>();
builder.Services.AddSingleton<Mutual.Core.Channel.LeadIntake>();
builder.Services.AddSingleton<Mutual.Core.Conversations.MessageIntake>();
builder.Services.AddHostedService<NetworkWorker>();
builder.Services.AddSingleton<LoginThrottle>();
builder.Services.AddSingleton<BearerTokenCache>();
builder.Services.AddSingleton<RegistrationThrottle>();
builder.Services.AddScoped<UiSession>();
DatabaseKeyRepository.AddTo(builder.Services);
if (config.GetValue("Mutual:Discipline:Enabled", true)) builder.Services.AddHostedService<DisciplineWorker>();
var webhookOptions = new WebhookOptions
{
    AllowPrivateNetworks = config.GetValue("Mutual:Webhooks:AllowPrivateNetworks", false),
    Timeout = TimeSpan.FromSeconds(config.GetValue("Mutual:Webhooks:TimeoutSeconds", 10.0)),
};
builder.Services.AddSingleton(webhookOptions);
WebhookSender.AddWebhookClient(builder.Services, webhookOptions);
builder.Services.AddScoped<WebhookSender>();
// One per node, replacing the scoped registration: it remembers where its passes over the outbox start.
builder.Services.AddSingleton<WebhookDispatcher>();
if (config.GetValue("Mutual:Webhooks:Enabled", true)) builder.Services.AddHostedService<WebhookWorker>();

// The public tracking endpoint is open to anyone, so each client IP gets a small budget of lookups per minute.
var trackPermits = config.GetValue("Mutual:Track:PermitsPerMinute", 30);
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    // The API answers a problem; the public page, plain text a person can read.
    o.OnRejected = (context, ct) => new ValueTask(context.HttpContext.Request.Path.StartsWithSegments("/api")
        ? Results.Problem(statusCode: 429, title: "Too many requests.", detail: "Too many tracking lookups from your address; wait a minute.").ExecuteAsync(context.HttpContext)
        : Results.Text("Too many tracking lookups from your address; wait a minute and reload.", statusCode: 429).ExecuteAsync(context.HttpContext));
    o.AddPolicy(CasesApi.TrackPolicy, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = trackPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
});
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);

builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = "Mutual";
        o.DefaultChallengeScheme = "Mutual";
    })
    .AddPolicyScheme("Mutual", "Bearer token or browser cookie", o => o.ForwardDefaultSelector = http =>
        http.Request.Headers.Authorization.Count > 0 ? BearerTokenHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
    .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
    .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
    {
        o.LoginPath = "/login";
        o.Cookie.Name = "mutual";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.SlidingExpiration = true;
        o.ExpireTimeSpan = TimeSpan.FromHours(12);
        o.Events.OnRedirectToLogin = ctx =>
        {
            if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = 401;
            else ctx.Response.Redirect(ctx.RedirectUri);
            return Task.CompletedTask;
        };
    });
builder.Services.AddAuthorization();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();

var app = builder.Build();
await app.PrepareDatabaseAsync();

app.UseExceptionHandler();
app.UseSecurityHeaders();
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseApiKeyScopes();
app.UseMiddleware<IdempotencyMiddleware>();
app.UseAntiforgery();

app.MapOpenApi();
app.MapScalarApiReference("/api-docs", o => o.WithTitle("Mutual API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
app.MapHealthApi();
var api = app.MapGroup("/api/v1").RequireAuthorization();
api.MapAuthApi(); // no area: closed to API keys
// Each group names its area, which API-key scopes refer to (area:read / area:write); unnamed endpoints refuse keys.
api.MapGroup("").RequireArea("parties").MapPartiesApi();
api.MapGroup("").RequireArea("relationships").MapRelationshipsApi();
api.MapGroup("").RequireArea("relationships").MapNetworkApi();
api.MapGroup("").RequireArea("conversations").MapConversationsApi();
api.MapGroup("").RequireArea("facts").MapFactsApi();
api.MapGroup("").RequireArea("engagement").MapEngagementApi();
api.MapGroup("").RequireArea("tasks").MapTasksApi();
api.MapWebhooksApi(); // no area: a subscription reads events of every area, more than any key scope allows
api.MapGroup("").RequireArea("partners").MapPartnersApi();
api.MapGroup("").RequireArea("leads").MapLeadsApi();
api.MapGroup("").RequireArea("catalogue").MapCatalogueApi();
api.MapGroup("").RequireArea("carts").MapCartsApi();
api.MapGroup("").RequireArea("orders").MapOrdersApi();
api.MapGroup("").RequireArea("cases").MapCasesApi();
api.MapGroup("").RequireArea("profile").MapProfileApi();
api.MapGroup("").RequireArea("consents").MapConsentsApi();
api.MapGroup("").RequireArea("matching").MapMatchingApi();
api.MapGroup("").RequireArea("intents").MapIntentsApi();
api.MapApiKeysApi();
app.MapAccountEndpoints();
app.MapTrackPages();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

public partial class Program;
