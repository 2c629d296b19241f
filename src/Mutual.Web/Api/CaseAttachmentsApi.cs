using Microsoft.AspNetCore.Mvc;
using Mutual.Core.Cases;
using Mutual.Core.Data;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

/// <summary>Files on a case: multipart upload, metadata list, and a download that a browser saves rather than renders.</summary>
public static class CaseAttachmentsApi
{
    /// <summary>The largest request body an upload may have: one file at the limit plus room for the multipart framing.</summary>
    public const long UploadLimit = CaseRules.FileMaxBytes + 64 * 1024;

    public static void MapCaseAttachmentsApi(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id:guid}/attachments", async Task<IResult> (Guid id, HttpContext http, CaseAttachments files, CaseQueries queries, CancellationToken ct) =>
        {
            // A body announced too large is refused before a byte of it is read; the size limit below cuts off one that lies.
            if (http.Request.ContentLength > UploadLimit) return TooLarge();
            IFormFile? file = null;
            if (http.Request.HasFormContentType)
            {
                try { file = (await http.Request.ReadFormAsync(ct)).Files.GetFile("file"); }
                catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge) { return TooLarge(); }
                catch (Exception e) when (e is IOException or InvalidDataException) { file = null; }
            }
            if (file is null)
            {
                // Not found first, so that a stranger learns nothing about the case from the shape of its request.
                var found = await queries.GetAsync(id, null, ct);
                return found.IsOk ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send the file as multipart/form-data in the field 'file'."] },
                    title: "The request is invalid.") : ApiResults.Problem(found);
            }
            if (file.Length > CaseRules.FileMaxBytes) return TooLarge();
            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, ct);
            return ApiResults.Created(http, await files.AddAsync(id, file.FileName, bytes, ct), f => $"/api/v1/cases/{id}/attachments/{f.Id}");
        })
        .WithMetadata(new IdempotentAttribute(), new RequestSizeLimitAttribute(UploadLimit))
        .DisableAntiforgery() // bearer-token API; a browser's cookie is SameSite=Lax, so no cross-site form posts carry it
        .WithSummary($"Attach a file (multipart/form-data, field 'file', at most 5 MiB, {CaseRules.FilesPerCase} per case): {CaseFileTypes.Accepted}; the holder or the customer")
        .Produces<CaseFileDto>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(413).ProducesProblem(422);

        cases.MapGet("/{id:guid}/attachments", async (Guid id, int? limit, string? cursor, CaseAttachments files, CancellationToken ct) =>
            ApiResults.Ok(await files.ListAsync(id, limit, cursor, ct)))
        .WithSummary("The case's attachments oldest first: metadata only (name, detected type, size, SHA-256)")
        .Produces<Page<CaseFileDto>>().ProducesValidationProblem().ProducesProblem(404);

        cases.MapGet("/{id:guid}/attachments/{fileId:guid}", async Task<IResult> (Guid id, Guid fileId, CaseAttachments files, HttpContext http, CancellationToken ct) =>
        {
            var found = await files.GetAsync(id, fileId, ct);
            if (!found.IsOk) return ApiResults.Problem(found);
            // Saved, never rendered: the detected type, no sniffing, no script even if opened, and kept out of shared caches.
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "private, max-age=3600";
            headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            return TypedResults.File(found.Value!.Content, found.Value.File.ContentType, found.Value.File.FileName);
        })
        .WithSummary("Download an attachment: its bytes with the detected Content-Type, as an attachment with a safe file name")
        .Produces(200).ProducesProblem(404);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge() => TypedResults.Problem($"A file may have at most {CaseRules.FileMaxBytes / (1024 * 1024)} MiB.", statusCode: 413, title: "Too large.");
}
