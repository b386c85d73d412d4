namespace Rapport.Data.CompiledModels.Sqlite;

public partial class RapportDbContextModel
{
    partial void Customize() => CompiledModelFilters.Apply(this);
}
