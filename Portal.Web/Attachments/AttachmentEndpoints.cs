using Portal.Domain.Attachments;
using Portal.Web.Accounts;

namespace Portal.Web.Attachments;

public static class AttachmentEndpoints
{
    /// <summary>
    /// GET /tep/{id}/{name}: a file, if the viewer may see its owner (the owner kind's <see cref="IAttachmentAccess"/>);
    /// 404 when it does not exist or they may not, so the address reveals nothing. The type sent is the one detected
    /// from the content; images and PDF open in the browser, anything else downloads.
    /// </summary>
    public static IEndpointConventionBuilder MapAttachments(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/tep/{id:guid}/{name}", DownloadAsync);

    private static async Task<IResult> DownloadAsync(Guid id, string name, HttpContext context, AttachmentReader reader, CancellationToken ct)
    {
        var file = await reader.OpenAsync(id, CurrentActor.From(context.User), ct);
        if (file is null) return Results.NotFound();
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // Visibility can change (a question refused or hidden): private, and revalidated by its hash each time.
        headers.CacheControl = "private, no-cache";
        headers.ContentDisposition = $"{(file.Inline ? "inline" : "attachment")}; filename=\"{Ascii(file.FileName)}\"; filename*=UTF-8''{Uri.EscapeDataString(file.FileName)}";
        return Results.Bytes(file.Bytes, file.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    /// <summary>The plain-ASCII fallback name for old clients (Vietnamese letters become '_'; filename* has the real one).</summary>
    private static string Ascii(string name) => new(name.Select(c => c is >= ' ' and < (char)127 and not '"' and not '\\' ? c : '_').ToArray());
}
