using Ganss.Xss;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Portal.Domain;

/// <summary>
/// The one Markdown pipeline: drafts, answers, campaign updates and email bodies. Raw HTML is off, the output is
/// sanitised anyway (defence in depth), and every link gets rel="nofollow ugc noopener".
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(Text.Clean(markdown), Pipeline);

    public static string ToHtml(string markdown)
    {
        var document = Parse(markdown);
        foreach (var link in document.Descendants<LinkInline>())
            link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow ugc noopener");
        foreach (var link in document.Descendants<AutolinkInline>())
            link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow ugc noopener");
        return Sanitizer.Sanitize(document.ToHtml(Pipeline));
    }

    public static string ToPlainText(string markdown) => Markdown.ToPlainText(Text.Clean(markdown), Pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Add("rel");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer;
    }
}
