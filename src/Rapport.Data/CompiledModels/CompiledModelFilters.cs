using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;

namespace Rapport.Data.CompiledModels;

/// <summary>
/// Adds the query filters to a compiled model before it is finalized. EF Core 10 refuses to generate a compiled model
/// for entity types with filters, so the models in <c>Sqlite/</c> and <c>Postgres/</c> are generated without them (see
/// <c>tools/compiled-models.sh</c>) and get them here, from the same declaration the built model uses
/// (<see cref="QueryFilters"/>), stored the way EF Core's own runtime model stores them. <c>CompiledModelTest</c> checks
/// that both models give the same schema, the same filters and the same SQL.
/// </summary>
internal static class CompiledModelFilters
{
    // The runtime model holds each filter as EF Core's internal RuntimeQueryFilter, which its query pipeline casts to.
    private static readonly ConstructorInfo RuntimeFilter =
        typeof(RuntimeEntityType).Assembly.GetType("Microsoft.EntityFrameworkCore.Metadata.Internal.RuntimeQueryFilter")
            ?.GetConstructor([typeof(string), typeof(LambdaExpression)])
        ?? throw new InvalidOperationException(
            "This EF Core version has no RuntimeQueryFilter(string, LambdaExpression): the compiled models cannot carry the query filters; see CompiledModelFilters");

    // QueryFilterCollection and the annotation name are public but marked as EF Core's internal API.
#pragma warning disable EF1001
    public static void Apply(RuntimeModel model)
    {
        var context = Expression.Constant(null, typeof(RapportDbContext));
        foreach (var entityType in ((IModel)model).GetEntityTypes())
        {
            var filters = QueryFilters.For(entityType.ClrType, context)
                .Select(f => (IQueryFilter)RuntimeFilter.Invoke([f.Name, f.Filter]))
                .ToList();
            if (filters.Count > 0) ((RuntimeEntityType)entityType).AddAnnotation(CoreAnnotationNames.QueryFilter, new QueryFilterCollection(filters));
        }
    }
#pragma warning restore EF1001
}
