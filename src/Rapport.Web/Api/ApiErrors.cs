using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.App.Common;

namespace Rapport.Web.Api;

/// <summary>
/// What the API reads leniently and how it refuses the rest: a number or a true/false where the request has text (a
/// size, a cost, a cadence typed as text on the command line) is taken as its text, and a body or query value that
/// cannot be read at all is a 400 validation problem naming the field, as the use cases' own errors are, not an empty 400.
/// </summary>
public static partial class ApiErrors
{
    /// <summary>Reads a JSON number or true/false into a text property as it is written ("80", "12.5", "true").</summary>
    public sealed class LenientText : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => throw new JsonException($"expected text or a number, got {reader.TokenType}"),
        };

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>A use case's refusal as a validation problem naming its field, as every endpoint answers bad input.</summary>
    public static ValidationProblem Problem(InputException e) => Problem(e.Field, e.Message);

    private static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Turns a request the API cannot bind (no body, a value of the wrong kind, a query value that is not a number) into a validation problem.</summary>
    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (context.Request.Path.StartsWithSegments("/api") && !context.Response.HasStarted)
        {
            var (field, message) = e.InnerException is JsonException json
                ? (Field(json.Path), json.Path is { Length: > 1 } ? $"expected a value of another kind at {json.Path}" : "expected a JSON object")
                : e.Message.Contains("no body was provided", StringComparison.Ordinal) ? ("body", "expected a JSON object")
                : BindFailure().Match(e.Message) is { Success: true } m ? (m.Groups["name"].Value, $"expected {Kind(m.Groups["type"].Value)}, got '{m.Groups["value"].Value}'")
                : ("request", e.Message);
            await Problem(field, $"{field}: {message}").ExecuteAsync(context);
        }
    });

    // "Failed to bind parameter "int? days" from "abc"."
    [System.Text.RegularExpressions.GeneratedRegex("parameter \"(?<type>\\S+) (?<name>\\w+)\" from \"(?<value>[^\"]*)\"", System.Text.RegularExpressions.RegexOptions.None, 1000)]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    /// <summary>A parameter's type in words: "Nullable&lt;int&gt;" and "int?" are "a whole number".</summary>
    private static string Kind(string type) => type.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>', '?') switch
    {
        "int" or "long" or "Int32" or "Int64" => "a whole number",
        "bool" or "Boolean" => "true or false",
        "double" or "decimal" or "Double" or "Decimal" => "a number",
        var other => "a " + other,
    };

    private static string Field(string? path)
    {
        var p = path?.TrimStart('$').TrimStart('.');
        return string.IsNullOrEmpty(p) ? "body" : p;
    }
}
