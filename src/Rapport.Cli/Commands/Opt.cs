using System.CommandLine;

namespace Rapport.Cli.Commands;

/// <summary>Shorthands for declaring options with their help text.</summary>
internal static class Opt
{
    public static Option<T> Of<T>(string name, string description, params string[] aliases)
    {
        var o = new Option<T>(name, aliases) { Description = description };
        return o;
    }

    public static Option<string[]> Many(string name, string description) =>
        new(name) { Description = description, AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore };

    public static Argument<string> Who(string name = "who", string description = "The contact: an id, an email address, or a unique part of the name.") =>
        new(name) { Description = description };

    public static Command With(this Command c, params Symbol[] symbols)
    {
        foreach (var s in symbols)
        {
            switch (s)
            {
                case Option o: c.Options.Add(o); break;
                case Argument a: c.Arguments.Add(a); break;
                case Command sub: c.Subcommands.Add(sub); break;
            }
        }
        return c;
    }
}
