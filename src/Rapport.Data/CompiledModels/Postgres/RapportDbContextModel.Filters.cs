namespace Rapport.Data.CompiledModels.Postgres;

public partial class RapportDbContextModel
{
    partial void Customize() => CompiledModelFilters.Apply(this);
}
