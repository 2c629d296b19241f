using System.Text;

namespace Mutual.Core.Cases;

/// <summary>
/// What a case accepts as an attachment, decided from the bytes: PDF, PNG, JPEG, GIF, WebP by their magic numbers,
/// plain text (.txt, .log, .csv) when it is valid UTF-8 without NUL. The extension must agree with what the bytes
/// are, so a file is never served under a type it was not checked for. Everything else (executables, HTML, SVG,
/// archives) is refused: served back to a browser it could run script or mislead.
/// </summary>
public static class CaseFileTypes
{
    public const string Accepted = "PDF, PNG, JPEG, GIF, WebP, or UTF-8 text (.txt, .log, .csv), with the extension that fits the content";

    private static readonly string[] TextExtensions = [".txt", ".log", ".csv"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The detected content type, or null when the content is not accepted or does not fit the extension.</summary>
    public static string? Detect(string fileName, ReadOnlySpan<byte> content)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        var (type, extensions) = Magic(content);
        if (type is not null) return extensions.Contains(ext) ? type : null;
        return TextExtensions.Contains(ext) && IsText(content) ? "text/plain; charset=utf-8" : null;
    }

    private static (string?, string[]) Magic(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith("%PDF-"u8)) return ("application/pdf", [".pdf"]);
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return ("image/png", [".png"]);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return ("image/jpeg", [".jpg", ".jpeg"]);
        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)) return ("image/gif", [".gif"]);
        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return ("image/webp", [".webp"]);
        return (null, []);
    }

    private static bool IsText(ReadOnlySpan<byte> content)
    {
        if (content.Contains((byte)0)) return false;
        try { StrictUtf8.GetCharCount(content); return true; }
        catch (DecoderFallbackException) { return false; }
    }

    /// <summary>
    /// The name kept and sent back in Content-Disposition: the last path segment, without control, format (e.g.
    /// right-to-left override), surrogate or shell/path characters, without leading or trailing dots and spaces,
    /// at most <see cref="CaseRules.FileNameMax"/> characters with the extension kept. Null when nothing is left.
    /// </summary>
    public static string? SanitizeName(string? raw)
    {
        if (raw is null) return null;
        var name = raw.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (var ch in name)
        {
            var category = char.GetUnicodeCategory(ch);
            if (char.IsControl(ch) || char.IsSurrogate(ch) || category is System.Globalization.UnicodeCategory.Format
                || "\"<>:|?*;".Contains(ch, StringComparison.Ordinal)) continue;
            kept.Append(ch);
        }
        name = kept.ToString().Trim().Trim('.').Trim();
        if (name.Length > CaseRules.FileNameMax)
        {
            var ext = Path.GetExtension(name);
            name = ext.Length is > 0 and <= 16 ? name[..(CaseRules.FileNameMax - ext.Length)].TrimEnd() + ext : name[..CaseRules.FileNameMax];
        }
        return name.Length == 0 ? null : name;
    }
}
