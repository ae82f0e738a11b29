using System.Net;

namespace Portal.Domain.Notifications;

public sealed record RenderedEmail(string Html, string Text);

/// <summary>Pure: an outbox message's Markdown body inside the portal's simple HTML email layout, with a plain-text twin.</summary>
public static class EmailLayout
{
    public static RenderedEmail Render(OutboxMessage message)
    {
        var english = message.Language == "en";
        var portal = english ? "Dialogue Portal" : "Cổng đối thoại";
        var footer = english
            ? "You receive this email because of your account on the Dialogue Portal."
            : "Bạn nhận email này vì có tài khoản trên Cổng đối thoại.";
        var unsubscribe = message.UnsubscribeUrl is null ? null : english ? "Stop these emails" : "Ngừng nhận các email này";
        var body = MarkdownRenderer.ToHtml(message.BodyMarkdown);
        var html = $"""
            <!DOCTYPE html>
            <html lang="{message.Language}"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(message.Subject)}</title></head>
            <body style="margin:0;padding:24px;background:#f5f5f5;font-family:Arial,'Noto Sans',sans-serif;color:#222">
            <div style="max-width:600px;margin:0 auto;background:#fff;border-radius:6px;overflow:hidden">
            <div style="background:#8B1A1A;color:#fff;padding:14px 20px;font-weight:bold">{portal}</div>
            <div style="padding:20px;line-height:1.5">{body}</div>
            <div style="padding:12px 20px;color:#555;font-size:12px;border-top:1px solid #eee">{footer}{(unsubscribe is null ? "" : $" <a href=\"{WebUtility.HtmlEncode(message.UnsubscribeUrl)}\">{unsubscribe}</a>")}</div>
            </div></body></html>
            """;
        var text = $"{MarkdownRenderer.ToPlainText(message.BodyMarkdown)}\n\n-- \n{portal}. {footer}" +
            (unsubscribe is null ? "" : $"\n{unsubscribe}: {message.UnsubscribeUrl}");
        return new RenderedEmail(html, text);
    }
}
