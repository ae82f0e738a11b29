using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Portal.Jobs.Notifications;

public sealed record EmailMessage(string To, string? ToName, string Subject, string HtmlBody, string TextBody, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>Delivers one email; returns the provider's message id. Throws to let the caller retry.</summary>
public interface IEmailSender
{
    Task<string> SendAsync(EmailMessage message, CancellationToken ct = default);
}

public sealed class EmailOptions
{
    public string FromAddress { get; set; } = "no-reply@portal.local";
    public string FromName { get; set; } = "Cổng đối thoại";
    /// <summary>Where the pickup sender writes .eml files when no SendGrid key is set.</summary>
    public string PickupDirectory { get; set; } = ".data/mail";
    public SendGridOptions SendGrid { get; set; } = new();
}

public sealed class SendGridOptions
{
    public string? ApiKey { get; set; }
    /// <summary>Override of the API host, so tests can point the real client at a local stub.</summary>
    public string? Host { get; set; }
}

/// <summary>Writes each email as an RFC 5322 .eml file: the embedded default, readable by any mail client.</summary>
public sealed class PickupDirectoryEmailSender(EmailOptions options, TimeProvider clock, ILogger<PickupDirectoryEmailSender> log) : IEmailSender
{
    public async Task<string> SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var dir = Path.GetFullPath(options.PickupDirectory);
        Directory.CreateDirectory(dir);
        var id = $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}";
        var boundary = "=_portal_" + Guid.NewGuid().ToString("N");
        var eml = new StringBuilder();
        eml.Append("Message-ID: <").Append(id).Append("@portal.local>\r\n");
        eml.Append("Date: ").Append(clock.GetUtcNow().ToString("r")).Append("\r\n");
        eml.Append("From: ").Append(Address(options.FromAddress, options.FromName)).Append("\r\n");
        eml.Append("To: ").Append(Address(message.To, message.ToName)).Append("\r\n");
        eml.Append("Subject: ").Append(Encode(message.Subject)).Append("\r\n");
        foreach (var (name, value) in message.Headers ?? new Dictionary<string, string>())
            eml.Append(name).Append(": ").Append(value).Append("\r\n");
        eml.Append("MIME-Version: 1.0\r\n");
        eml.Append("Content-Type: multipart/alternative; boundary=\"").Append(boundary).Append("\"\r\n\r\n");
        AppendPart(eml, boundary, "text/plain", message.TextBody);
        AppendPart(eml, boundary, "text/html", message.HtmlBody);
        eml.Append("--").Append(boundary).Append("--\r\n");
        var path = Path.Combine(dir, id + ".eml");
        // Write then rename, so a reader never sees half a message.
        await File.WriteAllTextAsync(path + ".tmp", eml.ToString(), Encoding.ASCII, ct);
        File.Move(path + ".tmp", path);
        log.LogInformation("Email to {To} written to {Path}", message.To, path);
        return id;
    }

    private static void AppendPart(StringBuilder eml, string boundary, string type, string body)
    {
        eml.Append("--").Append(boundary).Append("\r\n");
        eml.Append("Content-Type: ").Append(type).Append("; charset=utf-8\r\n");
        eml.Append("Content-Transfer-Encoding: base64\r\n\r\n");
        var b64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
        for (var i = 0; i < b64.Length; i += 76) eml.Append(b64, i, Math.Min(76, b64.Length - i)).Append("\r\n");
    }

    private static string Address(string email, string? name) => string.IsNullOrWhiteSpace(name) ? email : $"{Encode(name)} <{email}>";

    private static string Encode(string text) =>
        text.All(c => c < 128) ? text : "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "?=";
}

/// <summary>Sends through SendGrid's v3 API with the official client.</summary>
public sealed class SendGridEmailSender(EmailOptions options, HttpClient http) : IEmailSender
{
    private readonly SendGridClient _client = new(http, new SendGridClientOptions
    {
        ApiKey = options.SendGrid.ApiKey,
        Host = string.IsNullOrWhiteSpace(options.SendGrid.Host) ? "https://api.sendgrid.com" : options.SendGrid.Host,
    });

    public async Task<string> SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var mail = MailHelper.CreateSingleEmail(new EmailAddress(options.FromAddress, options.FromName),
            new EmailAddress(message.To, message.ToName), message.Subject, message.TextBody, message.HtmlBody);
        foreach (var (name, value) in message.Headers ?? new Dictionary<string, string>()) mail.AddHeader(name, value);
        var response = await _client.SendEmailAsync(mail, ct);
        if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK)
            return response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.First() : "";
        var body = await response.Body.ReadAsStringAsync(ct);
        throw new EmailDeliveryException(response.StatusCode, response.Headers.RetryAfter?.Delta, body);
    }
}

public sealed class EmailDeliveryException(HttpStatusCode status, TimeSpan? retryAfter, string body)
    : Exception($"SendGrid answered {(int)status}: {body}")
{
    public HttpStatusCode Status { get; } = status;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
