using Mutual.Core.Conversations;
using Mutual.Core.Parties;
using Mutual.Core.Relationships;

namespace Mutual.Core.Tests;

public sealed class RulesTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>hello", "hello")]
    [InlineData("[x](javascript:alert(1))", "<a")]
    [InlineData("<img src=x onerror=alert(1)>", "")]
    public void MessageBodiesAreSanitized(string body, string expectedFragment)
    {
        var html = ConversationRules.RenderBody(body);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<[^>]*(onerror|<img)", html);
        Assert.Contains(expectedFragment, html, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownIsRendered()
    {
        var html = ConversationRules.RenderBody("**Hello** _there_\n\n- one\n- [site](https://example.com)");
        Assert.Contains("<strong>Hello</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SearchWordsKeepOnlyLettersAndDigits()
    {
        Assert.Equal(["ana", "globex", "com"], PartySearch.Words("ana@globex.com"));
        Assert.Equal(["x", "or", "1"], PartySearch.Words("\"x\" OR 1*"));
        Assert.Empty(PartySearch.Words("  -- ; "));
    }

    [Fact]
    public void EveryRelationshipKindReadsFromBothEnds()
    {
        Assert.Equal(9, RelationshipKinds.All.Count);
        var worksFor = RelationshipKinds.Get("works-for");
        Assert.Equal("works for", worksFor.Forward);
        Assert.Equal("employs", worksFor.Reverse);
        Assert.All(RelationshipKinds.All, k => Assert.False(string.IsNullOrWhiteSpace(k.Reverse)));
    }
}
