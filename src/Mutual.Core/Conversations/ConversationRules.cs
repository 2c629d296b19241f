using Ganss.Xss;
using Markdig;

namespace Mutual.Core.Conversations;

public static class ConversationRules
{
    public const int SubjectMax = 300;
    public const int BodyMax = 20_000;
    public const int ParticipantsMax = 50;

    /// <summary>How far ahead of the server's clock a logged call or meeting may say it happened (clocks differ).</summary>
    public static readonly TimeSpan FutureAllowance = TimeSpan.FromMinutes(5);

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks().UseEmphasisExtras().UsePipeTables().UseTaskLists().DisableHtml().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Markdown to HTML, then through an allow-list sanitizer: no script, handler or foreign URL scheme survives.</summary>
    public static string RenderBody(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>The first line or so of a body, for inbox rows and timelines.</summary>
    public static string Excerpt(string body, int max = 160)
    {
        var flat = string.Join(' ', body.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length <= max ? flat : string.Concat(flat.AsSpan(0, max - 1), "…");
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.Add("http");
        s.AllowedSchemes.Add("https");
        s.AllowedSchemes.Add("mailto");
        s.AllowedAttributes.Remove("style");
        s.AllowedTags.Remove("img");
        // Links open outside the app and do not hand it the opener.
        s.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } a)
            {
                a.SetAttribute("rel", "noopener noreferrer nofollow");
                a.SetAttribute("target", "_blank");
            }
        };
        return s;
    }
}
