using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Rapport.App.Common;
using Rapport.App.Contacts;
using Rapport.Data;
using Rapport.Domain.Contacts;
using Rapport.Domain.Nurture;

namespace Rapport.App.Merge;

/// <summary>What a merge did, and the id that undoes it.</summary>
public sealed record MergeResult(long MergeId, long SurvivorId, string SurvivorName, long MergedId, string MergedName, int RowsMoved, IReadOnlyList<string> FieldsFilled);

/// <summary>
/// Folds a duplicate into the contact to keep: every row that points at the duplicate (emails, phones, profiles,
/// sources, interactions, gives and asks, life events, reminders, links, memberships, goals...) is moved to the survivor,
/// the survivor's empty fields are filled from the duplicate, and the duplicate goes to the trash. Rows found through
/// the data model, so a new table that points at contacts is carried along. Everything moved is recorded in a
/// <see cref="ContactMerge"/> so <see cref="UnmergeContacts"/> can put it back.
/// </summary>
public sealed class MergeContacts(RapportDbContext db, TimeProvider clock)
{
    public async Task<MergeResult> ExecuteAsync(string keep, string merge, CancellationToken ct = default)
    {
        var survivor = await ContactResolver.ResolveAsync(db, keep, "keep", ct);
        var merged = await ContactResolver.ResolveAsync(db, merge, "merge", ct);
        if (survivor.Id == merged.Id) throw new InputException("merge", $"merge: {keep} and {merge} are the same contact (#{survivor.Id})");
        var now = clock.GetUtcNow().UtcDateTime;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var snapshot = new MergeSnapshot();
        var filled = FillFields(survivor, merged, snapshot);
        survivor.Touch(now);
        merged.DeletedAt = now;
        await db.SaveChangesAsync(ct);

        var sql = new RawSql(db);
        foreach (var (type, fk) in ContactReferences(db.Model))
        {
            var table = type.GetTableName()!;
            var column = fk.Properties[0].GetColumnName();
            if (type.ClrType == typeof(ContactStats)) continue;
            if (type.ClrType == typeof(ContactLink))
            {
                if (column == nameof(ContactLink.ContactAId)) await MoveLinksAsync(sql, survivor.Id, merged.Id, snapshot, ct);
                continue;
            }
            await MoveRowsAsync(sql, type, table, column, survivor.Id, merged.Id, snapshot, ct);
        }

        // The survivor keeps one primary email.
        var movedEmails = snapshot.Moved.Where(m => m.Table == db.Model.FindEntityType(typeof(ContactEmail))!.GetTableName()).SelectMany(m => m.Keys).Select(k => k["Id"].GetInt64()).ToList();
        if (movedEmails.Count > 0 && await db.ContactEmails.AnyAsync(e => e.ContactId == survivor.Id && e.IsPrimary && !movedEmails.Contains(e.Id), ct))
        {
            var demote = await db.ContactEmails.Where(e => movedEmails.Contains(e.Id) && e.IsPrimary).Select(e => e.Id).ToListAsync(ct);
            if (demote.Count > 0)
            {
                await db.ContactEmails.Where(e => demote.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.IsPrimary, false), ct);
                snapshot.DemotedEmails.AddRange(demote);
            }
        }

        var record = new ContactMerge(survivor.Id, merged.Id, now, JsonSerializer.Serialize(snapshot, MergeSnapshot.Json));
        db.ContactMerges.Add(record);
        await db.SaveChangesAsync(ct);
        await Nurture.ContactStatsRefresher.RebuildAsync(db, [survivor.Id, merged.Id], ct);
        await tx.CommitAsync(ct);
        return new MergeResult(record.Id, survivor.Id, survivor.DisplayName, merged.Id, merged.DisplayName,
            snapshot.Moved.Sum(m => m.Keys.Count) + snapshot.Links.Count, filled);
    }

    /// <summary>Every foreign key in the model that points at a contact, with its entity type, in a stable order.</summary>
    internal static IEnumerable<(IEntityType Type, IForeignKey Fk)> ContactReferences(IModel model) =>
        model.GetEntityTypes()
            .SelectMany(t => t.GetForeignKeys().Where(fk => fk.PrincipalEntityType.ClrType == typeof(Contact) && fk.Properties.Count == 1).Select(fk => (t, fk)))
            .OrderBy(x => x.t.GetTableName(), StringComparer.Ordinal).ThenBy(x => x.fk.Properties[0].Name, StringComparer.Ordinal);

    private static readonly string[] FillableFields =
    [
        nameof(Contact.GivenName), nameof(Contact.FamilyName), nameof(Contact.PhotoUrl), nameof(Contact.Company), nameof(Contact.Title),
        nameof(Contact.Industry), nameof(Contact.Function), nameof(Contact.City), nameof(Contact.Country), nameof(Contact.HowWeMet),
        nameof(Contact.Notes), nameof(Contact.KnownSince), nameof(Contact.MetAtEventId), nameof(Contact.MetAtOrganizationId), nameof(Contact.IntroducedById),
    ];

    private List<string> FillFields(Contact survivor, Contact merged, MergeSnapshot snapshot)
    {
        var filled = new List<string>();
        var survivorEntry = db.Entry(survivor);
        var mergedEntry = db.Entry(merged);
        foreach (var name in FillableFields)
        {
            var before = survivorEntry.Property(name).CurrentValue;
            var incoming = mergedEntry.Property(name).CurrentValue;
            if (incoming is null) continue;
            if (name == nameof(Contact.IntroducedById) && (long)incoming == survivor.Id) continue;
            var take = before is null || (name == nameof(Contact.KnownSince) && (DateOnly)incoming < (DateOnly)before);
            if (!take) continue;
            survivorEntry.Property(name).CurrentValue = incoming;
            snapshot.Fields[name] = new FieldChange(JsonSerializer.SerializeToElement(before, MergeSnapshot.Json), JsonSerializer.SerializeToElement(incoming, MergeSnapshot.Json));
            filled.Add(Input.Kebab(name));
        }
        return filled;
    }

    private static async Task MoveRowsAsync(RawSql sql, IEntityType type, string table, string column, long survivorId, long mergedId, MergeSnapshot snapshot, CancellationToken ct)
    {
        var key = type.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName()).ToList();
        // Unique column sets that include the contact column: a row the survivor already has stays with the duplicate.
        var uniques = type.GetIndexes().Where(i => i.IsUnique).Select(i => i.Properties.Select(p => p.GetColumnName()).ToList())
            .Append(key).Where(cols => cols.Contains(column)).Select(cols => cols.Where(c => c != column).ToList()).ToList();
        var readColumns = key.Concat(uniques.SelectMany(u => u)).Distinct().ToList();
        var selectList = string.Join(", ", readColumns.Select(RawSql.Q));
        var mine = await sql.QueryAsync($"SELECT {selectList} FROM {RawSql.Q(table)} WHERE {RawSql.Q(column)} = {{0}}", [mergedId], readColumns, ct);
        if (mine.Count == 0) return;
        var theirs = uniques.Count == 0 ? [] : await sql.QueryAsync($"SELECT {selectList} FROM {RawSql.Q(table)} WHERE {RawSql.Q(column)} = {{0}}", [survivorId], readColumns, ct);
        var move = new MovedRows(table, column, []);
        foreach (var row in mine)
        {
            if (type.ClrType == typeof(Contact) && row.TryGetValue("Id", out var self) && Equals(self, survivorId)) continue;
            if (uniques.Any(u => theirs.Any(t => u.All(c => Equals(t[c], row[c]))))) continue;
            var where = string.Join(" AND ", key.Select((k, i) => $"{RawSql.Q(k)} = {{{i + 1}}}"));
            await sql.ExecuteAsync($"UPDATE {RawSql.Q(table)} SET {RawSql.Q(column)} = {{0}} WHERE {where}", [survivorId, .. key.Select(k => row[k] ?? DBNull.Value)], ct);
            move.Keys.Add(key.ToDictionary(k => k, k => JsonSerializer.SerializeToElement(k == column ? survivorId : row[k], MergeSnapshot.Json)));
        }
        if (move.Keys.Count > 0) snapshot.Moved.Add(move);
    }

    private static async Task MoveLinksAsync(RawSql sql, long survivorId, long mergedId, MergeSnapshot snapshot, CancellationToken ct)
    {
        string[] cols = ["Id", "ContactAId", "ContactBId"];
        var mine = await sql.QueryAsync("SELECT \"Id\", \"ContactAId\", \"ContactBId\" FROM \"ContactLinks\" WHERE \"ContactAId\" = {0} OR \"ContactBId\" = {0}", [mergedId], cols, ct);
        var theirs = await sql.QueryAsync("SELECT \"Id\", \"ContactAId\", \"ContactBId\" FROM \"ContactLinks\" WHERE \"ContactAId\" = {0} OR \"ContactBId\" = {0}", [survivorId], cols, ct);
        var known = theirs.Select(t => (Convert.ToInt64(t["ContactAId"], null), Convert.ToInt64(t["ContactBId"], null))).ToHashSet();
        foreach (var link in mine)
        {
            var (a, b) = (Convert.ToInt64(link["ContactAId"], null), Convert.ToInt64(link["ContactBId"], null));
            var other = a == mergedId ? b : a;
            if (other == survivorId) continue;
            var pair = survivorId < other ? (survivorId, other) : (other, survivorId);
            if (!known.Add(pair)) continue;
            var id = Convert.ToInt64(link["Id"], null);
            await sql.ExecuteAsync("UPDATE \"ContactLinks\" SET \"ContactAId\" = {0}, \"ContactBId\" = {1} WHERE \"Id\" = {2}", [pair.Item1, pair.Item2, id], ct);
            snapshot.Links.Add(new MovedLink(id, a, b));
        }
    }
}

/// <summary>Puts back what a merge moved: the duplicate leaves the trash with its rows, and the survivor's filled fields are emptied again.</summary>
public sealed class UnmergeContacts(RapportDbContext db, TimeProvider clock)
{
    public async Task<ContactMerge> ExecuteAsync(long mergeId, CancellationToken ct = default)
    {
        var record = await db.ContactMerges.FirstOrDefaultAsync(m => m.Id == mergeId, ct)
            ?? throw new InputException("merge", $"merge: no merge has id {mergeId}");
        if (record.UndoneAt is not null) throw new InputException("merge", $"merge: merge {mergeId} was already undone");
        var snapshot = JsonSerializer.Deserialize<MergeSnapshot>(record.Snapshot, MergeSnapshot.Json) ?? new MergeSnapshot();
        var now = clock.GetUtcNow().UtcDateTime;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sql = new RawSql(db);
        foreach (var move in snapshot.Moved)
        {
            foreach (var key in move.Keys)
            {
                var columns = key.Keys.ToList();
                var where = string.Join(" AND ", columns.Select((k, i) => $"{RawSql.Q(k)} = {{{i + 1}}}"));
                await sql.ExecuteAsync($"UPDATE {RawSql.Q(move.Table)} SET {RawSql.Q(move.Column)} = {{0}} WHERE {where}",
                    [record.MergedId, .. columns.Select(c => RawSql.FromJson(key[c]))], ct);
            }
        }
        foreach (var link in snapshot.Links)
            await sql.ExecuteAsync("UPDATE \"ContactLinks\" SET \"ContactAId\" = {0}, \"ContactBId\" = {1} WHERE \"Id\" = {2}", [link.A, link.B, link.Id], ct);
        if (snapshot.DemotedEmails.Count > 0)
            await db.ContactEmails.Where(e => snapshot.DemotedEmails.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.IsPrimary, true), ct);

        var merged = await db.Contacts.IgnoreQueryFilters([RapportDbContext.TrashFilter]).FirstAsync(c => c.Id == record.MergedId, ct);
        merged.DeletedAt = null;
        merged.Touch(now);
        var survivor = await db.Contacts.IgnoreQueryFilters([RapportDbContext.TrashFilter]).FirstAsync(c => c.Id == record.SurvivorId, ct);
        var entry = db.Entry(survivor);
        foreach (var (name, change) in snapshot.Fields)
        {
            var property = entry.Property(name);
            var type = Nullable.GetUnderlyingType(property.Metadata.ClrType) ?? property.Metadata.ClrType;
            var current = property.CurrentValue;
            var after = change.After.Deserialize(type, MergeSnapshot.Json);
            // Only a value the merge put there is taken back; an edit made since stays.
            if (Equals(current, after)) property.CurrentValue = change.Before.ValueKind == JsonValueKind.Null ? null : change.Before.Deserialize(type, MergeSnapshot.Json);
        }
        survivor.Touch(now);
        record.MarkUndone(now);
        await db.SaveChangesAsync(ct);
        await Nurture.ContactStatsRefresher.RebuildAsync(db, [record.SurvivorId, record.MergedId], ct);
        await tx.CommitAsync(ct);
        return record;
    }
}

/// <summary>What a merge changed, kept as JSON in <see cref="ContactMerge.Snapshot"/>.</summary>
internal sealed class MergeSnapshot
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Survivor fields the merge filled: the value before and the value put there.</summary>
    public Dictionary<string, FieldChange> Fields { get; set; } = [];

    /// <summary>Rows re-pointed from the duplicate to the survivor, by table and column, each by its key after the move.</summary>
    public List<MovedRows> Moved { get; set; } = [];

    /// <summary>Links re-pointed, with their ends before.</summary>
    public List<MovedLink> Links { get; set; } = [];

    /// <summary>Moved emails that lost their primary mark (the survivor had one).</summary>
    public List<long> DemotedEmails { get; set; } = [];
}

internal sealed record FieldChange(JsonElement Before, JsonElement After);

internal sealed record MovedRows(string Table, string Column, List<Dictionary<string, JsonElement>> Keys);

internal sealed record MovedLink(long Id, long A, long B);

/// <summary>Small raw SQL reads and writes on the context's connection and transaction, with {n} parameters.</summary>
internal sealed class RawSql(RapportDbContext db)
{
    public static string Q(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static object FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetInt64(),
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => DBNull.Value,
    };

    public Task<int> ExecuteAsync(string sql, object[] args, CancellationToken ct) => db.Database.ExecuteSqlRawAsync(sql, args, ct);

    public async Task<List<Dictionary<string, object?>>> QueryAsync(string sql, object[] args, IReadOnlyList<string> columns, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var text = sql;
        for (var i = 0; i < args.Length; i++)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            p.Value = args[i];
            cmd.Parameters.Add(p);
            text = text.Replace("{" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}", p.ParameterName, StringComparison.Ordinal);
        }
        cmd.CommandText = text;
        var rows = new List<Dictionary<string, object?>>();
        await using DbDataReader reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                var v = reader.IsDBNull(i) ? null : reader.GetValue(i);
                row[columns[i]] = v is int n ? (long)n : v;
            }
            rows.Add(row);
        }
        return rows;
    }
}
