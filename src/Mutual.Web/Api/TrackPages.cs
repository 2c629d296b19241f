using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Cases;
using Mutual.Core.Data;
using Mutual.Web.Components.Track;

namespace Mutual.Web.Api;

/// <summary>
/// The public tracking page, <c>/track/{code}</c>: plain server-rendered HTML with forms that post back (no script), behind
/// the same per-client rate limit as the JSON endpoint. Anyone with the code reads it; the customer, signed in, also replies
/// and confirms the resolution from it.
/// </summary>
public static class TrackPages
{
    public static void MapTrackPages(this IEndpointRouteBuilder app)
    {
        var track = app.MapGroup("/track").AllowAnonymous().RequireRateLimiting(CasesApi.TrackPolicy).ExcludeFromDescription()
            .AddEndpointFilter(NoStore);

        // The look-up form submits here; a code goes to its page.
        track.MapGet("/", (string? code) => string.IsNullOrWhiteSpace(code)
            ? Page(null)
            : Results.Redirect($"/track/{Uri.EscapeDataString(code.Trim())}"));

        track.MapGet("/{code}", async (string code, bool? sent, CaseTracking tracking, MutualDbContext db, CancellationToken ct) =>
        {
            if (await tracking.FindAsync(code, ct) is not { } found) return NotFound();
            var (view, _) = await ForVisitorAsync(found, code, db, ct);
            return Page(sent == true ? view with { Notice = "Thank you: your answer is on the case." } : view);
        });

        track.MapPost("/{code}", async (string code, [FromForm] string? action, [FromForm] string? text, CaseTracking tracking,
            Cases cases, MutualDbContext db, CancellationToken ct) =>
        {
            if (await tracking.FindAsync(code, ct) is not { } found) return NotFound();
            var (view, customersCase) = await ForVisitorAsync(found, code, db, ct);
            if (customersCase is not { } id) return Page(view with { Error = "Sign in as the customer to answer on this case." }, 403);
            var outcome = action == "confirm" ? Acted.From(await cases.ConfirmAsync(id, ct)) : Acted.From(await cases.ReplyAsync(id, text, ct));
            if (outcome.Ok) return Results.Redirect($"/track/{code}?sent=true#replies");
            return Page(view with { Error = outcome.Error, Text = text }, outcome.Status);
        });

        // A one-time customer link (CaseCustomerLinks): the same page with the customer's forms, good for one answer.
        track.MapGet("/reply/{token}", async (string token, CaseCustomerLinks links, CancellationToken ct) =>
            await links.FindAsync(token, ct) is { } found ? Page(ForLink(found, token)) : LinkNotFound());

        track.MapPost("/reply/{token}", async (string token, [FromForm] string? action, [FromForm] string? text, CaseCustomerLinks links, CancellationToken ct) =>
        {
            if (await links.FindAsync(token, ct) is not { } found) return LinkNotFound();
            var done = action == "confirm" ? await links.ConfirmAsync(token, ct) : await links.ReplyAsync(token, text, ct);
            // The link is used up by a success, so the answer is shown here rather than by a redirect to the link.
            if (done.IsOk) return Page(new TrackView(done.Value!) { ViewerIsCustomer = true, Notice = "Thank you: your answer is on the case. This link has now been used." });
            var outcome = Acted.From(done);
            return Page(ForLink(found, token) with { Error = outcome.Error, Text = text }, outcome.Status);
        });
    }

    private static TrackView ForLink(CustomerLinkView found, string token) => new(found.Case)
    {
        ViewerIsCustomer = true, ActionPath = CaseCustomerLinks.PathPrefix + token, CanReply = found.CanReply, CanConfirm = found.CanConfirm,
    };

    /// <summary>The address holds a secret (the code or a link token), so no cache, shared or private, keeps the page.</summary>
    public static async ValueTask<object?> NoStore(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        return await next(context);
    }

    /// <summary>A use case's outcome as the page shows it: the first field error or the detail, and a status.</summary>
    private sealed record Acted(bool Ok, string? Error, int Status)
    {
        public static Acted From<T>(Outcome<T> o) => new(o.IsOk, o.Errors.Values.SelectMany(e => e).FirstOrDefault() ?? o.Detail, o.Kind switch
        {
            OutcomeKind.Invalid => 400,
            OutcomeKind.NotFound => 404,
            OutcomeKind.Stale or OutcomeKind.Conflict => 409,
            _ => 422,
        });
    }

    /// <summary>
    /// What this visitor may do. The case is looked up a second time through the access rule (the page itself reads past
    /// it by the code's hash): only a signed-in customer of the case gets the forms (and the case's id, to act on), and its
    /// organizations a link to work it.
    /// </summary>
    private static async Task<(TrackView View, Guid? CustomersCase)> ForVisitorAsync(TrackDto found, string code, MutualDbContext db, CancellationToken ct)
    {
        var view = new TrackView(found);
        if (!db.Actor.IsSignedIn) return (view with { SignInPath = $"/login?ReturnUrl={Uri.EscapeDataString($"/track/{code}")}" }, null);
        var hash = CaseRules.Hash(code);
        var mine = await db.Cases.AsNoTracking().Where(c => c.TrackingCodeHash == hash).Select(c => new { c.Id, c.CustomerPartyId }).FirstOrDefaultAsync(ct);
        if (mine is null) return (view, null);
        if (!db.Actor.Is(mine.CustomerPartyId)) return (view with { StaffPath = $"/cases/{mine.Id}" }, null);
        return (view with { ViewerIsCustomer = true, ActionPath = $"/track/{code}", CanReply = found.Stage != CaseStage.Closed, CanConfirm = found.Stage == CaseStage.Resolved }, mine.Id);
    }

    private static RazorComponentResult<TrackDocument> Page(TrackView? view, int status = 200) =>
        new(new { View = view }) { StatusCode = status };

    private static RazorComponentResult<TrackDocument> NotFound() => new(new { NotFound = true }) { StatusCode = 404 };

    private static RazorComponentResult<TrackDocument> LinkNotFound() => new(new { LinkNotFound = true }) { StatusCode = 404 };
}
