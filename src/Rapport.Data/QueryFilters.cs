using System.Linq.Expressions;
using Rapport.Domain.Accounts;

namespace Rapport.Data;

/// <summary>
/// The query filters every query gets, declared once for both models: the one EF Core builds from
/// <see cref="RapportDbContext"/>'s configuration, and the compiled one the store loads (<c>CompiledModels/</c>), which EF Core
/// cannot generate with filters and gets them added here instead.
/// </summary>
internal static class QueryFilters
{
    /// <summary>
    /// The design-time switch under which the configuration leaves the filters out, so that <c>dotnet ef dbcontext
    /// optimize</c> accepts the model (see <c>tools/compiled-models.sh</c>).
    /// </summary>
    public const string LeaveOutSwitch = "Rapport.DesignTime.NoQueryFilters";

    public static bool LeftOut => AppContext.TryGetSwitch(LeaveOutSwitch, out var on) && on;

    /// <summary>
    /// The filters of an entity type: the current account for account-owned rows, and out of the trash for soft-deletable
    /// ones. <paramref name="context"/> stands for the unit of work running the query: EF Core puts the one at hand in its
    /// place whenever it runs a query, so any expression of the context's type will do here.
    /// </summary>
    public static IEnumerable<(string Name, LambdaExpression Filter)> For(Type type, Expression context)
    {
        var row = Expression.Parameter(type, "e");
        if (typeof(IAccountOwned).IsAssignableFrom(type))
        {
            yield return (RapportDbContext.AccountFilter, Expression.Lambda(
                Expression.Equal(Expression.Property(row, nameof(IAccountOwned.AccountId)), Expression.Property(context, nameof(RapportDbContext.AccountId))),
                row));
        }
        if (typeof(ISoftDeletable).IsAssignableFrom(type))
        {
            yield return (RapportDbContext.TrashFilter, Expression.Lambda(
                Expression.Equal(Expression.Property(row, nameof(ISoftDeletable.DeletedAt)), Expression.Constant(null, typeof(DateTime?))),
                row));
        }
    }
}
