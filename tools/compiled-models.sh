#!/usr/bin/env bash
# Regenerates the EF Core compiled models (src/Rapport.Data/CompiledModels/{Sqlite,Postgres}) from the configuration in
# src/Rapport.Data. Run it after any change to an entity or its mapping; CompiledModelTest fails until you do.
#
# EF Core cannot generate a compiled model with query filters, so the model is generated with them left out (the
# Rapport.DesignTime.NoQueryFilters switch) and CompiledModelFilters adds them back when the model loads.
# The design-time package's own dependencies include some that are not on every NuGet mirror (Mono.TextTemplating), and
# `dbcontext optimize` does not use them: the design assembly is therefore taken from its package directly.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# The version the solution uses (Directory.Packages.props).
ef_version=$(grep -o 'Include="Microsoft.EntityFrameworkCore.Sqlite" Version="[^"]*"' "$root/Directory.Packages.props" | grep -o '[0-9][0-9.]*' | tail -n 1)
work=$(mktemp -d /tmp/rapport-compiled-models.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet tool install dotnet-ef --version "$ef_version" --tool-path "$work/tool" >/dev/null
curl -fsSL -o "$work/design.nupkg" "https://api.nuget.org/v3-flatcontainer/microsoft.entityframeworkcore.design/$ef_version/microsoft.entityframeworkcore.design.$ef_version.nupkg"
mkdir "$work/design" && (cd "$work/design" && unzip -q ../design.nupkg)

mkdir "$work/startup"
cat > "$work/startup/startup.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <NoWarn>NU1603</NoWarn>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="Microsoft.EntityFrameworkCore.Design" HintPath="$work/design/lib/net10.0/Microsoft.EntityFrameworkCore.Design.dll" />
    <PackageReference Include="Humanizer.Core" Version="2.14.1" />
    <PackageReference Include="Microsoft.CodeAnalysis.CSharp.Workspaces" Version="5.0.0" />
    <PackageReference Include="Microsoft.Extensions.DependencyModel" Version="$ef_version" />
    <PackageReference Include="Newtonsoft.Json" Version="13.0.4" />
    <ProjectReference Include="$root/src/Rapport.Data/Rapport.Data.csproj" />
  </ItemGroup>
</Project>
XML
cat > "$work/startup/Factory.cs" <<'CS'
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rapport.Data;
using Rapport.Data.Storage;

public sealed class Factory : IDesignTimeDbContextFactory<RapportDbContext>
{
    // The provider decides the type mappings; no connection is opened.
    public RapportDbContext CreateDbContext(string[] args)
    {
        AppContext.SetSwitch("Rapport.DesignTime.NoQueryFilters", true);
        var target = Environment.GetEnvironmentVariable("RAPPORT_EF_PROVIDER") == "postgres"
            ? DbTarget.Parse("Host=127.0.0.1;Port=5432;Username=design;Database=design")
            : DbTarget.Sqlite(Path.Combine(Path.GetTempPath(), "rapport-design.db"));
        var options = RapportStore.Configure(new DbContextOptionsBuilder<RapportDbContext>(), target, compiledModel: false).Options;
        return new RapportDbContext(options, new AccountScope());
    }
}

public static class Program
{
    public static void Main() { }
}
CS

dotnet build "$work/startup" -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }

for provider in Sqlite Postgres; do
  # Generated apart, then swapped in, so that the project (which the tool builds first) keeps compiling.
  RAPPORT_EF_PROVIDER=$(echo "$provider" | tr '[:upper:]' '[:lower:]') "$work/tool/dotnet-ef" dbcontext optimize \
    --project "$root/src/Rapport.Data" --startup-project "$work/startup" --context RapportDbContext \
    --output-dir "$work/out/$provider" --namespace "Rapport.Data.CompiledModels.$provider" >/dev/null
  out="$root/src/Rapport.Data/CompiledModels/$provider"
  mkdir -p "$out"
  # Each run draws a new model id; keep the one in the repository so that an unchanged model gives no diff.
  old_id=$(grep -o 'modelId: new Guid("[^"]*")' "$out/RapportDbContextModelBuilder.cs" 2>/dev/null || true)
  find "$out" -name '*.cs' ! -name '*.Filters.cs' -delete
  cp "$work/out/$provider"/*.cs "$out/"
  [ -n "$old_id" ] && sed -i "s/modelId: new Guid(\"[^\"]*\")/$old_id/" "$out/RapportDbContextModelBuilder.cs"
  # No assembly-wide model: with one per provider EF Core could not pick, and RapportStore names the one to load.
  rm "$out/RapportDbContextAssemblyAttributes.cs"
  echo "$provider: $(ls "$work/out/$provider"/*.cs | wc -l) generated files in src/Rapport.Data/CompiledModels/$provider"
done
