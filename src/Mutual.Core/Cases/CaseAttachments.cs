using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;

namespace Mutual.Core.Cases;

/// <summary>An attachment's bytes with its metadata, for a download.</summary>
public sealed record CaseFileContent(CaseFileDto File, byte[] Content);

/// <summary>
/// Files on a case: the holder and the customer attach them (like replies), every participant reads them, nobody
/// else learns they exist (the CaseFile filter in AccessRules). Each upload is a timeline line of kind attachment.
/// </summary>
public sealed class CaseAttachments(MutualDbContext db, Cases cases, TimeProvider clock)
{
    public async Task<Outcome<CaseFileDto>> AddAsync(Guid caseId, string? fileName, byte[] content, CancellationToken ct = default)
    {
        var (c, audience, problem) = await cases.LoadAsync(caseId, ct);
        if (problem is not null) return problem.As<CaseFileDto>();
        if (content.LongLength > CaseRules.FileMaxBytes) return Outcome<CaseFileDto>.TooLarge($"A file may have at most {CaseRules.FileMaxBytes / (1024 * 1024)} MiB.");
        var name = CaseFileTypes.SanitizeName(fileName);
        if (name is null) return Outcome<CaseFileDto>.Invalid("file", "The file needs a name.");
        if (content.Length == 0) return Outcome<CaseFileDto>.Invalid("file", "The file is empty.");
        if (CaseFileTypes.Detect(name, content) is not { } type) return Outcome<CaseFileDto>.Invalid("file", $"Accepted: {CaseFileTypes.Accepted}.");
        var customer = db.Actor.Is(c!.CustomerPartyId);
        if (!customer && c.HolderPartyId != db.ActingPartyId) return Outcome<CaseFileDto>.Unprocessable("Only the organization holding the case and the customer attach files.");
        if (c.Stage == CaseStage.Closed) return Outcome<CaseFileDto>.Unprocessable("A closed case takes no more files.");
        if (await db.CaseFiles.CountAsync(f => f.CaseId == caseId, ct) >= CaseRules.FilesPerCase)
            return Outcome<CaseFileDto>.Unprocessable($"A case holds at most {CaseRules.FilesPerCase} files.");

        var now = clock.GetUtcNow().UtcDateTime;
        var author = customer ? c.CustomerPartyId : db.ActingPartyId;
        var entry = CaseSteps.Entry(db, c, CaseEntryKind.Attachment, now, author, db.Actor.PersonPartyId, text: name);
        var file = new CaseFile { CaseId = c.Id, EntryId = entry.Id, FileName = name, ContentType = type, Size = content.LongLength,
            Sha256 = SHA256.HashData(content), UploadedByPartyId = author, At = now, Content = content };
        db.CaseFiles.Add(file);
        CaseSteps.Emit(db, "case.updated", c, now, audience, new { entryId = entry.Id, kind = entry.Kind, fileId = file.Id });
        // The case's version guards the per-case limit too: of two concurrent uploads past the count, one is stale.
        c.Version++;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Outcome<CaseFileDto>.Stale(); }
        return Outcome<CaseFileDto>.Ok(new CaseFileDto(file.Id, c.Id, entry.Id, name, type, file.Size, Convert.ToHexStringLower(file.Sha256), author, now));
    }

    /// <summary>A case's files oldest first, metadata only.</summary>
    public async Task<Outcome<Page<CaseFileDto>>> ListAsync(Guid caseId, int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "tg");
        if (!await db.Cases.AnyAsync(c => c.Id == caseId, ct)) return Outcome<Page<CaseFileDto>>.NotFound("No such case.");
        if (!v.IsValid) return v.Fail<Page<CaseFileDto>>();
        var q = db.CaseFiles.AsNoTracking().Where(f => f.CaseId == caseId);
        if (page.AfterTime(0) is { } at && page.AfterGuid(1) is { } after)
            q = q.Where(f => f.At > at || (f.At == at && f.Id.CompareTo(after) > 0));
        var rows = await CaseQueries.CaseFileMeta(q.OrderBy(f => f.At).ThenBy(f => f.Id)).Take(page.Limit + 1).ToListAsync(ct);
        var cut = page.ToPage(rows, f => PageRequest.Encode(PageRequest.Ticks(f.At), f.Id.ToString()));
        return Outcome<Page<CaseFileDto>>.Ok(cut);
    }

    /// <summary>One file with its bytes; not found unless the actor takes part in its case.</summary>
    public async Task<Outcome<CaseFileContent>> GetAsync(Guid caseId, Guid fileId, CancellationToken ct = default)
    {
        var file = await db.CaseFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.CaseId == caseId, ct);
        if (file is null) return Outcome<CaseFileContent>.NotFound("No such file.");
        return Outcome<CaseFileContent>.Ok(new CaseFileContent(CaseQueries.CaseFileMeta(file), file.Content));
    }
}
