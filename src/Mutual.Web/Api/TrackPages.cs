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
        var track = app.MapGroup("/track").AllowAnonymous().RequireRateLimiting(CasesApi.TrackPolicy).ExcludeFromDescription();

        // The look-up form submits here; a code goes to its page.
        track.MapGet("/", (string? code) => string.IsNullOrWhiteSpace(code)
            ? Page(null)
            : Results.Redirect($"/track/{Uri.EscapeDataString(code.Trim())}"));

        track.MapGet("/{code}", async (string code, bool? sent, CaseTracking tracking, MutualDbContext db, CancellationToken ct) =>
        {
            if (await tracking.FindAsync(code, ct) is not { } found) return NotFound();
            var view = await ForVisitorAsync(found, code, db, ct);
            return Page(sent == true ? view with { Notice = "Thank you: your answer is on the case." } : view);
        });

        track.MapPost("/{code}", async (string code, [FromForm] string? action, [FromForm] string? text, CaseTracking tracking,
            Cases cases, MutualDbContext db, CancellationToken ct) =>
        {
            if (await tracking.FindAsync(code, ct) is not { } found) return NotFound();
            var view = await ForVisitorAsync(found, code, db, ct);
            if (view.ActionPath is null || await CaseIdAsync(db, code, ct) is not { } id)
                return Page(view with { Error = "Sign in as the customer to answer on this case." }, 403);
            var outcome = Acted.From(await cases.ReplyAsync(id, text, ct));
            if (outcome.Ok) return Results.Redirect($"/track/{code}?sent=true#replies");
            return Page(view with { Error = outcome.Error, Text = text }, outcome.Status);
        });
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
    /// it by the code's hash): only a signed-in customer of the case gets the forms, and its organizations a link to work it.
    /// </summary>
    private static async Task<TrackView> ForVisitorAsync(TrackDto found, string code, MutualDbContext db, CancellationToken ct)
    {
        var view = new TrackView(found);
        if (!db.Actor.IsSignedIn) return view with { SignInPath = $"/login?ReturnUrl={Uri.EscapeDataString($"/track/{code}")}" };
        var hash = CaseRules.Hash(code);
        var mine = await db.Cases.AsNoTracking().Where(c => c.TrackingCodeHash == hash).Select(c => new { c.Id, c.CustomerPartyId }).FirstOrDefaultAsync(ct);
        if (mine is null) return view;
        if (!db.Actor.Is(mine.CustomerPartyId)) return view with { StaffPath = $"/cases/{mine.Id}" };
        return view with { ViewerIsCustomer = true, ActionPath = $"/track/{code}", CanReply = found.Stage != CaseStage.Closed, CanConfirm = found.Stage == CaseStage.Resolved };
    }

    private static async Task<Guid?> CaseIdAsync(MutualDbContext db, string code, CancellationToken ct)
    {
        var hash = CaseRules.Hash(code);
        return await db.Cases.AsNoTracking().Where(c => c.TrackingCodeHash == hash).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
    }

    private static RazorComponentResult<TrackDocument> Page(TrackView? view, int status = 200) =>
        new RazorComponentResult<TrackDocument>(new { View = view }) { StatusCode = status };

    private static RazorComponentResult<TrackDocument> NotFound() => new RazorComponentResult<TrackDocument>(new { NotFound = true }) { StatusCode = 404 };
}
