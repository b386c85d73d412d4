namespace Rapport.Formats.Csv;

/// <summary>
/// Keeps a spreadsheet from running a cell of an exported CSV as a formula (CSV injection): a cell that starts with
/// <c>= + - @</c>, a TAB or a CR, after any number of single quotes, gets one more single quote in front, which Excel,
/// LibreOffice and Google Sheets take as "this is text". <see cref="Restore(string)"/> takes exactly that quote away
/// again, so any text survives the round trip. A phone number like <c>+49 30 1234</c> gets the quote too: a
/// spreadsheet evaluates it as well (to a number, or an error), and the reader gives it back as written.
/// </summary>
public static class CsvFormulas
{
    /// <summary>The cell to write: <paramref name="cell"/> itself, or with a single quote in front when it starts like a formula.</summary>
    public static string? Defuse(string? cell) => cell is not null && StartsLikeFormula(cell, 0) ? "'" + cell : cell;

    /// <summary>The cell as it was before <see cref="Defuse"/>.</summary>
    public static string Restore(string cell) => cell.Length > 1 && cell[0] == '\'' && StartsLikeFormula(cell, 1) ? cell[1..] : cell;

    /// <summary>The row with <see cref="Restore(string)"/> applied to each field (the same row when none starts with a quote).</summary>
    public static CsvRow Restore(CsvRow row)
    {
        var fields = row.Record.Fields;
        string[]? restored = null;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = Restore(fields[i]);
            if (ReferenceEquals(field, fields[i])) continue;
            restored ??= [.. fields];
            restored[i] = field;
        }
        return restored is null ? row : new CsvRow(row.Header, new CsvRecord(restored, row.Record.Columns, row.Line), row.FileName);
    }

    private static bool StartsLikeFormula(string cell, int from)
    {
        var i = from;
        while (i < cell.Length && cell[i] == '\'') i++;
        return i < cell.Length && cell[i] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }
}
