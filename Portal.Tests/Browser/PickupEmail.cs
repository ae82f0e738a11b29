using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Tests.Browser;

/// <summary>Reads the .eml files the pickup sender writes: recipient, text part (base64), first link.</summary>
public static partial class PickupEmail
{
    public static bool IsTo(string eml, string address) =>
        eml.Split("\r\n\r\n", 2)[0].Split("\r\n").Any(h => h.StartsWith("To:", StringComparison.OrdinalIgnoreCase) && h.Contains(address, StringComparison.OrdinalIgnoreCase));

    /// <summary>The decoded text/plain part of a multipart/alternative message (or the body of a single-part one).</summary>
    public static string TextBody(string eml)
    {
        var boundary = Boundary().Match(eml);
        if (!boundary.Success) return Decode(eml.Split("\r\n\r\n", 2)[0], eml.Split("\r\n\r\n", 2).ElementAtOrDefault(1) ?? "");
        foreach (var part in eml.Split("--" + boundary.Groups[1].Value).Skip(1))
        {
            var split = part.Split("\r\n\r\n", 2);
            if (split.Length == 2 && split[0].Contains("text/plain", StringComparison.OrdinalIgnoreCase))
                return Decode(split[0], split[1]);
        }
        throw new InvalidOperationException("No text/plain part in the email:\n" + eml);
    }

    public static string FirstLink(string eml)
    {
        var text = TextBody(eml);
        var link = Link().Match(text);
        return link.Success ? link.Value : throw new InvalidOperationException("No link in the email text:\n" + text);
    }

    private static string Decode(string headers, string body) =>
        headers.Contains("base64", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))))
            : body;

    [GeneratedRegex("boundary=\"?([^\";\\r\\n]+)\"?")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
