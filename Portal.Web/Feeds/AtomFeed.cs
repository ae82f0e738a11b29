using System.Globalization;
using System.Text;
using System.Xml;

namespace Portal.Web.Feeds;

/// <summary>One entry of an Atom feed. <paramref name="Link"/> may be site-relative; it is made absolute on writing.</summary>
public sealed record AtomEntry(string Link, string Title, string Summary, DateTimeOffset Updated, DateTimeOffset? Published = null, string? Author = null);

/// <summary>Atom 1.0 (RFC 4287) for the portal's feeds: new conferences, published results, drafts, campaign updates.
/// Written with <see cref="XmlWriter"/> so every title and summary is escaped, never concatenated into markup.
/// Entry ids are the entries' absolute URLs: stable, unique and what a feed reader shows.</summary>
public static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    private const string Ns = "http://www.w3.org/2005/Atom";

    /// <param name="baseUrl">The site's absolute base URL (scheme and host), e.g. from <c>PortalLinks.BaseUrl</c>.</param>
    /// <param name="selfPath">The feed's own path, e.g. <c>/dia-phuong/12/hoi-nghi/atom</c>.</param>
    /// <param name="pagePath">The HTML page the feed mirrors.</param>
    /// <param name="empty">When the feed has no entry yet, its updated instant (a feed must always carry one).</param>
    public static string Write(string baseUrl, string selfPath, string pagePath, string title, IReadOnlyList<AtomEntry> entries,
        DateTimeOffset empty, string language = "vi")
    {
        var root = baseUrl.TrimEnd('/');
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Ns);
            xml.WriteAttributeString("xml", "lang", null, language);
            xml.WriteElementString("id", Ns, Absolute(root, selfPath));
            xml.WriteElementString("title", Ns, title);
            xml.WriteElementString("updated", Ns, Timestamp(entries.Count == 0 ? empty : entries.Max(e => e.Updated)));
            WriteLink(xml, "self", Absolute(root, selfPath), ContentType);
            WriteLink(xml, "alternate", Absolute(root, pagePath), "text/html");
            xml.WriteStartElement("author", Ns);
            xml.WriteElementString("name", Ns, "Cổng đối thoại");
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                var link = Absolute(root, entry.Link);
                xml.WriteStartElement("entry", Ns);
                xml.WriteElementString("id", Ns, link);
                xml.WriteElementString("title", Ns, entry.Title);
                xml.WriteElementString("updated", Ns, Timestamp(entry.Updated));
                if (entry.Published is { } published) xml.WriteElementString("published", Ns, Timestamp(published));
                if (entry.Author is { Length: > 0 } author)
                {
                    xml.WriteStartElement("author", Ns);
                    xml.WriteElementString("name", Ns, author);
                    xml.WriteEndElement();
                }
                WriteLink(xml, "alternate", link, "text/html");
                xml.WriteStartElement("summary", Ns);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(entry.Summary);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        // StringBuilder makes XmlWriter declare UTF-16; the response is UTF-8.
        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    /// <summary>The feed as a response; readers poll, so a short public cache spares the database.</summary>
    public static IResult Result(string xml) => new AtomResult(xml);

    private static void WriteLink(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Absolute(string root, string path) =>
        Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.ToString()
            : root + (path.StartsWith('/') ? path : "/" + path);

    private static string Timestamp(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed class AtomResult(string xml) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = ContentType;
            http.Response.Headers.CacheControl = "public, max-age=300";
            await http.Response.WriteAsync(xml, Encoding.UTF8);
        }
    }
}
