using System.Data.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Rapport.App.Common;
using Rapport.Data;
using Rapport.Domain.Accounts;

namespace Rapport.App.Backup;

/// <summary>What a JSON restore wrote.</summary>
public sealed record RestoreResult(int Tables, long Rows);

/// <summary>
/// The complete JSON export of one account: every row of every table the data model maps (the trash included), with
/// its ids, in an order where a row comes after the rows it points at. Values are written in one canonical form
/// (instants in UTC to the microsecond, days as yyyy-MM-dd, enums by name, decimals without trailing zeros), so that
/// exporting, restoring into an empty database of either provider and exporting again gives the same bytes.
/// </summary>
public static class AccountJson
{
    public const string FormatName = "rapport-account";
    public const int FormatVersion = 1;

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Tables in restore order: principals before dependents (self-references are filled in afterwards).</summary>
    internal static List<IEntityType> Tables(IModel model)
    {
        var types = model.GetEntityTypes()
            .Where(t => t.GetTableName() is not null && !t.IsOwned() && t.ClrType != typeof(Account) && typeof(IAccountOwned).IsAssignableFrom(t.ClrType))
            .OrderBy(t => t.GetTableName(), StringComparer.Ordinal)
            .ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        while (types.Count > 0)
        {
            var next = types.FirstOrDefault(t => t.GetForeignKeys().All(fk => fk.PrincipalEntityType == t || placed.Contains(fk.PrincipalEntityType) || !types.Contains(fk.PrincipalEntityType)))
                ?? throw new InvalidOperationException("the tables point at each other in a cycle: " + string.Join(", ", types.Select(t => t.GetTableName())));
            ordered.Add(next);
            placed.Add(next);
            types.Remove(next);
        }
        return ordered;
    }

    private static List<IProperty> Columns(IEntityType type) =>
        type.GetProperties().Where(p => p.Name != nameof(IAccountOwned.AccountId)).OrderBy(p => p.GetColumnName(), StringComparer.Ordinal).ToList();

    /// <summary>Writes the account as JSON (UTF-8, no BOM).</summary>
    public static async Task ExportAsync(RapportDbContext db, Stream output, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var json = new Utf8JsonWriter(output, WriterOptions);
            json.WriteStartObject();
            json.WriteString("format", FormatName);
            json.WriteNumber("version", FormatVersion);

            var accountType = db.Model.FindEntityType(typeof(Account))!;
            var accountColumns = accountType.GetProperties().Where(p => !p.IsPrimaryKey()).OrderBy(p => p.GetColumnName(), StringComparer.Ordinal).ToList();
            json.WritePropertyName("account");
            json.WriteStartObject();
            var accountRows = await ReadAsync(db, accountType, accountColumns, $"WHERE {Q(accountType.FindPrimaryKey()!.Properties[0].GetColumnName())} = {db.AccountId.ToString(CultureInfo.InvariantCulture)}", ct);
            if (accountRows.Count == 1)
            {
                for (var i = 0; i < accountColumns.Count; i++)
                {
                    json.WritePropertyName(accountColumns[i].GetColumnName());
                    WriteValue(json, accountRows[0][i]);
                }
            }
            json.WriteEndObject();

            json.WritePropertyName("tables");
            json.WriteStartArray();
            foreach (var type in Tables(db.Model))
            {
                var columns = Columns(type);
                var key = type.FindPrimaryKey()!.Properties.Where(p => p.Name != nameof(IAccountOwned.AccountId)).Select(p => Q(p.GetColumnName()));
                var rows = await ReadAsync(db, type, columns,
                    $"WHERE {Q(nameof(IAccountOwned.AccountId))} = {db.AccountId.ToString(CultureInfo.InvariantCulture)} ORDER BY {string.Join(", ", key)}", ct);
                json.WriteStartObject();
                json.WriteString("table", type.GetTableName());
                json.WritePropertyName("columns");
                json.WriteStartArray();
                foreach (var c in columns) json.WriteStringValue(c.GetColumnName());
                json.WriteEndArray();
                json.WritePropertyName("rows");
                json.WriteStartArray();
                foreach (var row in rows)
                {
                    json.WriteStartArray();
                    foreach (var value in row) WriteValue(json, value);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
                json.WriteEndObject();
                await json.FlushAsync(ct);
            }
            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync(ct);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Restores an export into this account of an empty database (only the account row may exist): every row with its
    /// id, in one transaction. Refuses a database that already holds data.
    /// </summary>
    public static async Task<RestoreResult> RestoreAsync(RapportDbContext db, Stream input, CancellationToken ct = default)
    {
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(input, new JsonDocumentOptions { MaxDepth = 16 }, ct);
        }
        catch (JsonException e)
        {
            throw new InputException("file", $"file: expected a Rapport JSON export, got invalid JSON at line {e.LineNumber + 1}: {e.Message}");
        }
        using var _ = doc;
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.GetString() != FormatName)
            throw new InputException("file", $"file: expected a Rapport JSON export (\"format\": \"{FormatName}\")");
        if (!root.TryGetProperty("version", out var version) || version.GetInt32() > FormatVersion)
            throw new InputException("file", $"file: this export was written by a newer Rapport (version {version}); upgrade to restore it");

        var tables = Tables(db.Model).ToDictionary(t => t.GetTableName()!, StringComparer.Ordinal);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await EnsureEmptyAsync(db, ct);

        if (root.TryGetProperty("account", out var account) && account.ValueKind == JsonValueKind.Object)
        {
            var accountType = db.Model.FindEntityType(typeof(Account))!;
            await using var cmd = Command(db, "");
            var sets = new List<string>();
            foreach (var p in accountType.GetProperties().Where(p => !p.IsPrimaryKey()))
            {
                if (!account.TryGetProperty(p.GetColumnName(), out var v)) continue;
                sets.Add($"{Q(p.GetColumnName())} = @p{sets.Count}");
                Add(cmd, "@p" + (sets.Count - 1).ToString(CultureInfo.InvariantCulture), ToProvider(p, ReadValue(p, v)));
            }
            if (sets.Count > 0)
            {
                cmd.CommandText = $"UPDATE {Q(accountType.GetTableName()!)} SET {string.Join(", ", sets)} WHERE {Q(accountType.FindPrimaryKey()!.Properties[0].GetColumnName())} = {db.AccountId.ToString(CultureInfo.InvariantCulture)}";
                await cmd.ExecuteNonQueryAsync(ct);
            }
        }

        var written = 0L;
        var tableCount = 0;
        var isPostgres = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        foreach (var t in root.GetProperty("tables").EnumerateArray())
        {
            var name = t.GetProperty("table").GetString() ?? "";
            if (!tables.TryGetValue(name, out var type)) throw new InputException("file", $"file: the export holds a table this Rapport does not know: {name}");
            var byColumn = type.GetProperties().ToDictionary(p => p.GetColumnName(), StringComparer.Ordinal);
            var columns = t.GetProperty("columns").EnumerateArray().Select(c =>
                byColumn.TryGetValue(c.GetString() ?? "", out var p) ? p : throw new InputException("file", $"file: {name} has a column this Rapport does not know: {c.GetString()}")).ToList();
            var selfRefs = type.GetForeignKeys().Where(fk => fk.PrincipalEntityType == type && fk.Properties.Count == 1).Select(fk => fk.Properties[0]).ToList();
            var key = type.FindPrimaryKey()!.Properties;

            var all = new List<IProperty>(columns) { byColumn[nameof(IAccountOwned.AccountId)] };
            await using var insert = Command(db, $"INSERT INTO {Q(name)} ({string.Join(", ", all.Select(c => Q(c.GetColumnName())))}) VALUES ({string.Join(", ", all.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})");
            var parameters = all.Select((_, i) => Add(insert, "@p" + i.ToString(CultureInfo.InvariantCulture), DBNull.Value)).ToArray();
            var later = new List<(object?[] Key, IProperty Column, object Value)>();
            var rows = 0;
            foreach (var row in t.GetProperty("rows").EnumerateArray())
            {
                var cells = row.EnumerateArray().ToList();
                if (cells.Count != columns.Count) throw new InputException("file", $"file: a row of {name} has {cells.Count} values for {columns.Count} columns");
                var values = new object?[all.Count];
                for (var i = 0; i < columns.Count; i++) values[i] = ToProvider(columns[i], ReadValue(columns[i], cells[i]));
                values[^1] = db.AccountId;
                foreach (var self in selfRefs)
                {
                    var i = columns.IndexOf(self);
                    if (i < 0 || values[i] is null) continue;
                    later.Add((key.Select(k => values[all.IndexOf(k)]).ToArray(), self, values[i]!));
                    values[i] = null;
                }
                for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync(ct);
                rows++;
            }
            foreach (var (k, column, value) in later)
            {
                await using var update = Command(db, $"UPDATE {Q(name)} SET {Q(column.GetColumnName())} = @v WHERE {string.Join(" AND ", key.Select((p, i) => $"{Q(p.GetColumnName())} = @k{i}"))}");
                Add(update, "@v", value);
                for (var i = 0; i < key.Count; i++) Add(update, "@k" + i.ToString(CultureInfo.InvariantCulture), k[i] ?? DBNull.Value);
                await update.ExecuteNonQueryAsync(ct);
            }
            if (isPostgres && rows > 0 && key.Count == 1 && key[0].ValueGenerated == ValueGenerated.OnAdd)
            {
                await using var seq = Command(db, $"SELECT setval(pg_get_serial_sequence('{Q(name)}', '{key[0].GetColumnName()}'), (SELECT MAX({Q(key[0].GetColumnName())}) FROM {Q(name)}))");
                await seq.ExecuteScalarAsync(ct);
            }
            written += rows;
            tableCount++;
        }
        await tx.CommitAsync(ct);
        return new RestoreResult(tableCount, written);
    }

    /// <summary>Refuses a database that holds any row beyond its account.</summary>
    public static async Task EnsureEmptyAsync(RapportDbContext db, CancellationToken ct = default)
    {
        var opened = db.Database.GetDbConnection().State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var type in Tables(db.Model))
            {
                var count = await ScalarAsync(db, $"SELECT COUNT(*) FROM {Q(type.GetTableName()!)}", ct);
                if (count > 0)
                    throw new InputException("database", $"database: restore needs an empty database, and {type.GetTableName()} already holds {count} rows; restore into a new file or database");
            }
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>How many rows the account's tables hold in all.</summary>
    public static async Task<long> CountRowsAsync(RapportDbContext db, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var total = 0L;
            foreach (var type in Tables(db.Model))
                total += await ScalarAsync(db, $"SELECT COUNT(*) FROM {Q(type.GetTableName()!)} WHERE {Q(nameof(IAccountOwned.AccountId))} = {db.AccountId.ToString(CultureInfo.InvariantCulture)}", ct);
            return total;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // ------------------------------------------------------------------ values

    private static async Task<List<object?[]>> ReadAsync(RapportDbContext db, IEntityType type, List<IProperty> columns, string where, CancellationToken ct)
    {
        await using var cmd = Command(db, $"SELECT {string.Join(", ", columns.Select(c => Q(c.GetColumnName())))} FROM {Q(type.GetTableName()!)} {where}");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++) row[i] = reader.IsDBNull(i) ? null : FromProvider(columns[i], reader.GetValue(i));
            rows.Add(row);
        }
        return rows;
    }

    private static Type ProviderType(IProperty p)
    {
        var converter = p.GetValueConverter() ?? p.GetTypeMapping().Converter;
        var t = converter?.ProviderClrType ?? p.ClrType;
        return Nullable.GetUnderlyingType(t) ?? t;
    }

    /// <summary>A raw database value as the model's CLR value (SQLite keeps instants and days as text, booleans as integers).</summary>
    private static object? FromProvider(IProperty p, object raw)
    {
        var t = ProviderType(p);
        var inv = CultureInfo.InvariantCulture;
        object value = t switch
        {
            _ when t == typeof(string) => raw as string ?? Convert.ToString(raw, inv)!,
            _ when t == typeof(long) => Convert.ToInt64(raw, inv),
            _ when t == typeof(int) => Convert.ToInt32(raw, inv),
            _ when t == typeof(short) => Convert.ToInt16(raw, inv),
            _ when t == typeof(bool) => raw is bool b ? b : Convert.ToInt64(raw, inv) != 0,
            _ when t == typeof(double) => Convert.ToDouble(raw, inv),
            _ when t == typeof(float) => Convert.ToSingle(raw, inv),
            _ when t == typeof(decimal) => raw is string ds ? decimal.Parse(ds, NumberStyles.Float, inv) : Convert.ToDecimal(raw, inv),
            _ when t == typeof(DateTime) => raw is DateTime dt ? dt : DateTime.Parse((string)raw, inv, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            _ when t == typeof(DateOnly) => raw switch { DateOnly d => d, DateTime dt => DateOnly.FromDateTime(dt), _ => DateOnly.Parse((string)raw, inv) },
            _ when t == typeof(TimeOnly) => raw switch { TimeOnly x => x, TimeSpan ts => TimeOnly.FromTimeSpan(ts), _ => TimeOnly.Parse((string)raw, inv) },
            _ when t == typeof(Guid) => raw is Guid g ? g : Guid.Parse((string)raw),
            _ when t == typeof(byte[]) => (byte[])raw,
            _ => raw,
        };
        var converter = p.GetValueConverter() ?? p.GetTypeMapping().Converter;
        return converter is null ? value : converter.ConvertFromProvider(value);
    }

    private static object? ToProvider(IProperty p, object? value)
    {
        if (value is null) return null;
        var converter = p.GetValueConverter() ?? p.GetTypeMapping().Converter;
        return converter is null ? value : converter.ConvertToProvider(value);
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case long l: json.WriteNumberValue(l); break;
            case int i: json.WriteNumberValue(i); break;
            case short sh: json.WriteNumberValue(sh); break;
            case double d: json.WriteNumberValue(d); break;
            case float f: json.WriteNumberValue(f); break;
            case decimal m: json.WriteRawValue(m.ToString("G29", CultureInfo.InvariantCulture)); break;
            case DateTime dt:
                var utc = dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : dt;
                utc = new DateTime(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);
                json.WriteStringValue(utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
                break;
            case DateOnly day: json.WriteStringValue(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case TimeOnly time: json.WriteStringValue(time.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture)); break;
            case Guid g: json.WriteStringValue(g.ToString("D")); break;
            case byte[] bytes: json.WriteBase64StringValue(bytes); break;
            case Enum e: json.WriteStringValue(e.ToString()); break;
            default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>A JSON value as the model's CLR value of the property.</summary>
    private static object? ReadValue(IProperty p, JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Null) return null;
        var t = Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType;
        var inv = CultureInfo.InvariantCulture;
        try
        {
            if (t.IsEnum) return Enum.Parse(t, v.GetString()!);
            if (t == typeof(string)) return v.GetString();
            if (t == typeof(long)) return v.GetInt64();
            if (t == typeof(int)) return v.GetInt32();
            if (t == typeof(short)) return v.GetInt16();
            if (t == typeof(bool)) return v.GetBoolean();
            if (t == typeof(double)) return v.GetDouble();
            if (t == typeof(float)) return v.GetSingle();
            if (t == typeof(decimal)) return v.GetDecimal();
            if (t == typeof(DateTime)) return DateTime.Parse(v.GetString()!, inv, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            if (t == typeof(DateOnly)) return DateOnly.ParseExact(v.GetString()!, "yyyy-MM-dd", inv);
            if (t == typeof(TimeOnly)) return TimeOnly.Parse(v.GetString()!, inv);
            if (t == typeof(Guid)) return Guid.Parse(v.GetString()!);
            if (t == typeof(byte[])) return v.GetBytesFromBase64();
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            throw new InputException("file", $"file: {p.DeclaringType.ShortName()}.{p.Name}: expected a {t.Name} value, got {v.GetRawText()}");
        }
        throw new InputException("file", $"file: {p.DeclaringType.ShortName()}.{p.Name}: values of type {t.Name} cannot be restored");
    }

    // ------------------------------------------------------------------ commands

    private static string Q(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static DbCommand Command(RapportDbContext db, string sql)
    {
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        return cmd;
    }

    private static DbParameter Add(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
        return p;
    }

    private static async Task<long> ScalarAsync(RapportDbContext db, string sql, CancellationToken ct)
    {
        await using var cmd = Command(db, sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}
