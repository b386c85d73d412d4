using System.CommandLine;
using System.Text;
using Rapport.App.Backup;
using Rapport.App.Common;
using Rapport.App.Export;

namespace Rapport.Cli.Commands;

/// <summary>`rapport export vcard|csv|json [--out FILE]`, `rapport backup FILE`, `rapport restore FILE`.</summary>
internal static class ExportCommands
{
    public static Command Export(CommandServices s)
    {
        var format = new Argument<string>("format") { Description = "vcard (4.0), csv (Rapport's contacts CSV) or json (the complete account)." };
        var output = Opt.Of<string?>("--out", "Write to this file instead of standard output; its folder must exist, and an existing file is kept unless --force.", "-o");
        var force = Opt.Of<bool>("--force", "With --out: replace the file when it already exists.");
        var cmd = new Command("export", "Take your network out: contacts as vCard 4.0 or CSV, or everything as JSON. Every export can be imported or restored again.")
            .With(format, output, force);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            var kind = ExportContacts.Parse(p.GetValue(format)!);
            var file = p.GetValue(output);
            var full = file is null ? null : OutputFile.Check("out", file, p.GetValue(force), "add --force to replace it, or choose a new name");
            if (full is not null && ctx.Target.FilePath is { } database && Path.GetFullPath(database) == full)
                throw new InputException("out", "out: that is the database itself");
            await using var db = await ctx.OpenAsync(ct);
            if (full is null)
            {
                using var buffer = new MemoryStream();
                await new ExportContacts(db).ExecuteAsync(kind, buffer, ct);
                await ctx.Out.WriteAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                await ctx.Out.FlushAsync(ct);
                return 0;
            }
            var partial = full + ".partial";
            int count;
            await using (var stream = File.Create(partial)) count = await new ExportContacts(db).ExecuteAsync(kind, stream, ct);
            File.Move(partial, full, overwrite: true);
            if (ctx.Json) await ctx.WriteJsonAsync(new { file = full, format = kind.ToString().ToLowerInvariant(), contacts = count, bytes = new FileInfo(full).Length });
            else await ctx.Err.WriteLineAsync($"Exported {count} contact{(count == 1 ? "" : "s")} to {full}.");
            return 0;
        });
        return cmd;
    }

    public static Command Backup(CommandServices s)
    {
        var file = new Argument<string>("file") { Description = "A new file: name it .json for a JSON export (moves between SQLite and PostgreSQL); any other name copies a SQLite database with its online backup." };
        var cmd = new Command("backup", "Back up the whole database, safely while it is in use.").With(file);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            var store = await ctx.StoreAsync(ct);
            var r = await DatabaseBackup.BackupAsync(store, p.GetValue(file)!, ct);
            if (ctx.Json) await ctx.WriteJsonAsync(r);
            else await ctx.Out.WriteLineAsync($"Backed up {ctx.Target} to {r.File} ({r.Kind}, {r.Bytes:N0} bytes).");
            return 0;
        });
        return cmd;
    }

    public static Command Restore(CommandServices s)
    {
        var file = new Argument<string>("file") { Description = "A backup: a SQLite file from `rapport backup`, or a JSON export." };
        var cmd = new Command("restore", "Restore a backup or JSON export into an empty database (--db), SQLite or PostgreSQL.").With(file);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            var r = await DatabaseBackup.RestoreAsync(ctx.Target, p.GetValue(file)!, ctx.Clock, ct);
            if (ctx.Json) await ctx.WriteJsonAsync(r);
            else await ctx.Out.WriteLineAsync($"Restored {r.Rows:N0} rows in {r.Tables} tables into {ctx.Target}.");
            return 0;
        });
        return cmd;
    }
}
