using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Portal.Web.Accounts;

/// <summary>A Vietnamese phone number: 10 digits starting with 0 (0912 345 678) or +84 and 9 digits.
/// Spaces, dots and dashes between digits are allowed when typing and removed when stored.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed partial class VietnamesePhoneAttribute : ValidationAttribute
{
    public VietnamesePhoneAttribute() : base("Số điện thoại không hợp lệ: gồm 10 chữ số bắt đầu bằng 0, hoặc +84 và 9 chữ số.") { }

    public override bool IsValid(object? value) => value is null || value is string s && (s.Trim().Length == 0 || Normalize(s) is not null);

    /// <summary>The number without separators ("0912345678", "+84912345678"), or null if it is not a Vietnamese number.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var compact = Separators().Replace(text.Trim(), "");
        return Shape().IsMatch(compact) ? compact : null;
    }

    [GeneratedRegex(@"[\s.\-()]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(0|\+84)[1-9][0-9]{8}$")]
    private static partial Regex Shape();
}
