using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Web.OpenData;

/// <summary>
/// How the API answers: JSON (camelCase, enums by name, Vietnamese letters as themselves) with a strong ETag over the
/// bytes, 304 Not Modified when the client already has them, and a short public cache lifetime.
/// </summary>
public static class ApiResponse
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static IResult Ok<T>(HttpContext http, T value)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, Json);
        var etag = "\"" + Convert.ToBase64String(SHA256.HashData(body))[..27] + "\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "public, max-age=60";
        var sent = http.Request.Headers.IfNoneMatch.ToString();
        if (sent.Length > 0 && sent.Split(',').Select(t => t.Trim()).Any(t => t == etag || t == "W/" + etag || t == "*"))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(body, "application/json; charset=utf-8");
    }

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy (not found)", detail: detail);
}
