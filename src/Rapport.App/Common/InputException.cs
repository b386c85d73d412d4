namespace Rapport.App.Common;

/// <summary>The input was wrong: <see cref="Field"/> names where, the message says what was expected. Nothing was written.</summary>
public sealed class InputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;

    /// <summary>Whether the input names something that is not there (an API answers 404 for it, not 400).</summary>
    public bool NotFound { get; init; }

    /// <summary>Where a name matched several contacts: the ones it matched (id and name), to offer as choices.</summary>
    public IReadOnlyList<(long Id, string Name)> Candidates { get; init; } = [];

    /// <summary>The message without its leading "field: ", for a page that already shows where.</summary>
    public string Plain => Message.StartsWith(Field + ": ", StringComparison.Ordinal) ? Message[(Field.Length + 2)..] : Message;

    /// <summary>
    /// The same refusal under another field's name: a use case names a field by its part ("second contact"), a form or a
    /// request by its own input ("who", "b").
    /// </summary>
    public InputException Renamed(string field) =>
        field == Field ? this : new InputException(field, $"{field}: {Plain}") { NotFound = NotFound, Candidates = Candidates };

    /// <summary>Runs a use case and renames its refusal to the caller's field: <paramref name="field"/> maps the use case's name to it.</summary>
    public static async Task<T> RenamingAsync<T>(Func<Task<T>> run, Func<string, string> field)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(field);
        try
        {
            return await run();
        }
        catch (InputException e)
        {
            throw e.Renamed(field(e.Field));
        }
    }
}

/// <summary>Parses the small values users type: dates, enums, lists.</summary>
public static class Input
{
    /// <summary>Text as typed, trimmed; null when there is none (an optional field left empty, or cleared with "").</summary>
    public static string? TrimmedOrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The first and last years a typed date may fall in: a person's life and plans, far from the calendar's ends that date arithmetic would overflow.</summary>
    public const int FirstYear = 1900, LastYear = 2199;

    /// <summary>Reads an ISO date (2026-05-01) or date-time; date-times without a zone are taken as UTC.</summary>
    public static DateTime ParseInstant(string field, string value)
    {
        var v = value.Trim();
        if (DateOnly.TryParseExact(v, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            return InRange(field, value, d).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        if (DateTimeOffset.TryParse(v, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var dto)
            && v.Length >= 10 && char.IsAsciiDigit(v[0]))
        {
            InRange(field, value, DateOnly.FromDateTime(dto.UtcDateTime));
            return dto.UtcDateTime;
        }
        throw new InputException(field, $"{field}: expected a date like 2026-05-01 or 2026-05-01T14:30, got '{value}'");
    }

    public static DateOnly ParseDate(string field, string value)
    {
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            return InRange(field, value, d);
        throw new InputException(field, $"{field}: expected a date like 2026-05-01, got '{value}'");
    }

    private static DateOnly InRange(string field, string value, DateOnly d) =>
        d.Year is >= FirstYear and <= LastYear ? d : throw new InputException(field, $"{field}: expected a date from {FirstYear} to {LastYear}, got '{value.Trim()}'");

    /// <summary>Reads an enum by name, case- and dash-insensitively ("new-job" is NewJob).</summary>
    public static T ParseEnum<T>(string field, string value, IReadOnlyDictionary<string, T>? aliases = null) where T : struct, Enum
    {
        if (aliases is not null && aliases.TryGetValue(value.Trim().ToLowerInvariant(), out var aliased)) return aliased;
        if (TryParseEnum<T>(value, out var parsed)) return parsed;
        var names = aliases?.Keys ?? Enum.GetNames<T>().Select(Kebab);
        throw new InputException(field, $"{field}: expected one of {string.Join(", ", names)}; got '{value}'");
    }

    /// <summary>
    /// Reads an enum by one of its names, case- and dash-insensitively ("vice-president" is VicePresident); false for
    /// anything else: empty, a number, or names joined by commas.
    /// </summary>
    public static bool TryParseEnum<T>(string? value, out T parsed) where T : struct, Enum
    {
        parsed = default;
        if (string.IsNullOrWhiteSpace(value)) return false;
        var key = value.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        if (key.Contains(',', StringComparison.Ordinal) || int.TryParse(key, out _) || !Enum.TryParse(key, ignoreCase: true, out parsed) || !Enum.IsDefined(parsed))
        {
            parsed = default;
            return false;
        }
        return true;
    }

    /// <summary>PascalCase to kebab-case, as names appear on the command line and in JSON.</summary>
    public static string Kebab(string pascal)
    {
        var sb = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(pascal[i]));
        }
        return sb.ToString();
    }

    public static string Kebab<T>(T value) where T : struct, Enum => Kebab(value.ToString());
}
