using Microsoft.EntityFrameworkCore;

namespace Rapport.Data.Storage;

/// <summary>The CREATE script EF Core derives from the model, per provider: the reference the migrations must match.</summary>
public static class SchemaScript
{
    public static string Generate(DbProvider provider)
    {
        var target = provider == DbProvider.Sqlite
            ? DbTarget.Sqlite(Path.Combine(Path.GetTempPath(), "rapport-model.db"))
            : new DbTarget(DbProvider.Postgres, "Host=localhost;Database=rapport", null);
        using var db = new RapportStore(target).Open();
        return db.Database.GenerateCreateScript();
    }
}
