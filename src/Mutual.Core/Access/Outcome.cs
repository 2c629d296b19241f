namespace Mutual.Core.Access;

public enum OutcomeKind { Ok, Invalid, NotFound, Conflict, Stale, Unprocessable, TooLarge }

/// <summary>
/// The result of a use case: a value, or the reason there is none. The web layer turns each kind
/// into one HTTP status and an RFC 9457 problem; the UI shows the same messages.
/// </summary>
public sealed class Outcome<T>
{
    private Outcome(OutcomeKind kind, T? value, string? detail, IReadOnlyDictionary<string, string[]>? errors)
    {
        Kind = kind;
        Value = value;
        Detail = detail;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public OutcomeKind Kind { get; }
    public T? Value { get; }
    public string? Detail { get; }
    public IReadOnlyDictionary<string, string[]> Errors { get; }
    public bool IsOk => Kind == OutcomeKind.Ok;

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null, null);
    public static Outcome<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(OutcomeKind.Invalid, default, "One or more fields are invalid.", errors);
    public static Outcome<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });
    public static Outcome<T> NotFound(string detail = "Not found.") => new(OutcomeKind.NotFound, default, detail, null);
    public static Outcome<T> Conflict(string detail) => new(OutcomeKind.Conflict, default, detail, null);
    public static Outcome<T> Stale() => new(OutcomeKind.Stale, default, "The resource changed since you read it; reload it and try again.", null);
    public static Outcome<T> Unprocessable(string detail) => new(OutcomeKind.Unprocessable, default, detail, null);
    public static Outcome<T> TooLarge(string detail) => new(OutcomeKind.TooLarge, default, detail, null);

    /// <summary>Carries a failure over to another result type.</summary>
    public Outcome<TOther> As<TOther>() => IsOk
        ? throw new InvalidOperationException("Only a failed outcome can be converted.")
        : new Outcome<TOther>(Kind, default, Detail, Errors);
}
