namespace Mutual.Core.Matching;

/// <summary>One answer option: a stable id, the label a person picks, and the phrase a match reason uses when both chose it.</summary>
public sealed record ValueOption(string Id, string Label, string Shared);

/// <summary>
/// A question with fixed options. <c>kind</c> is <c>one</c> (a single id), <c>some</c> (up to <c>max</c> ids) or
/// <c>ranked</c> (up to <c>max</c> ids, most important first). <c>weight</c> is its share of the similarity score.
/// </summary>
public sealed record ValueQuestion(string Id, string Text, string Kind, int Max, int Weight, IReadOnlyList<ValueOption> Options)
{
    public ValueOption? Option(string id) => Options.FirstOrDefault(o => o.Id == id);
}

/// <summary>
/// The values questionnaire (docs/decisions/012-values-matching.md): how a person likes to work with the other
/// side, never who they are. Ids never change meaning; a changed question gets a new id.
/// </summary>
public static class Questionnaire
{
    public const string One = "one";
    public const string Some = "some";
    public const string Ranked = "ranked";

    public static readonly IReadOnlyList<ValueQuestion> Questions =
    [
        new("communication-style", "How do you like messages?", One, 1, 1,
        [
            new("brief", "Brief and to the point", "prefer brief messages"),
            new("detailed", "Detailed, with the background", "prefer detailed messages"),
        ]),
        new("channel", "Which channels do you prefer? (up to 2)", Some, 2, 1,
        [
            new("email", "Email", "like email"),
            new("phone", "Phone", "like phone calls"),
            new("chat", "Chat", "like chat"),
            new("in-person", "In person", "like meeting in person"),
        ]),
        new("priorities", "What matters most to you? (your top 3, most important first)", Ranked, 3, 2,
        [
            new("price", "Price", "price"),
            new("speed", "Speed", "speed"),
            new("sustainability", "Sustainability", "sustainability"),
            new("support", "Support", "support"),
            new("quality", "Quality", "quality"),
        ]),
        new("decision-pace", "How do you take decisions?", One, 1, 1,
        [
            new("quick", "Quickly", "decide quickly"),
            new("considered", "After careful consideration", "take considered decisions"),
        ]),
        new("relationship", "What kind of relationship do you want?", One, 1, 1,
        [
            new("transactional", "Transactional: just this deal", "prefer a transactional relationship"),
            new("long-term", "Long-term: a partner over years", "want a long-term relationship"),
        ]),
        new("contact-frequency", "How often do you want to hear from the other side?", One, 1, 1,
        [
            new("when-needed", "Only when needed", "want contact only when needed"),
            new("regular", "Regular check-ins", "like regular check-ins"),
        ]),
    ];

    public static int TotalWeight { get; } = Questions.Sum(q => q.Weight);

    public static ValueQuestion? Find(string id) => Questions.FirstOrDefault(q => q.Id == id);
}
