using System.Globalization;
using Portal.Domain.Reports;

namespace Portal.Web.OpenData;

/// <summary>A bad query string: the API answers 400 with a problem-details body naming the parameter.</summary>
public sealed class ApiInputException(string parameter, string detail) : Exception(detail)
{
    public string Parameter { get; } = parameter;
}

/// <summary>
/// The query string of an API call, read strictly: a parameter the endpoint does not know, a repeated one, or a value
/// that does not parse is refused (400), never ignored and never a 500. Parameters are read as text and parsed here,
/// so every endpoint answers bad input the same way.
/// </summary>
public sealed class ApiQuery
{
    private readonly IQueryCollection _query;

    private ApiQuery(IQueryCollection query) => _query = query;

    public static ApiQuery Read(HttpRequest request, params string[] allowed)
    {
        foreach (var (key, values) in request.Query)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
                throw new ApiInputException(key, $"Tham số không được hỗ trợ: '{key}'. Các tham số được dùng: {string.Join(", ", allowed)}.");
            if (values.Count > 1) throw new ApiInputException(key, $"Tham số '{key}' chỉ được có một giá trị.");
        }
        return new ApiQuery(request.Query);
    }

    public string? Text(string name, int maxLength)
    {
        var value = _query[name].ToString();
        if (value.Length == 0) return null;
        if (value.Length > maxLength) throw new ApiInputException(name, $"'{name}' dài quá {maxLength} ký tự.");
        return value;
    }

    public int? Int(string name, int min = 1, int max = int.MaxValue)
    {
        var value = Text(name, 12);
        if (value is null) return null;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
            throw new ApiInputException(name, $"'{name}' phải là số nguyên từ {min} đến {max}.");
        return number;
    }

    /// <summary>The page numbers served: far enough for any list, small enough that paging never overflows.</summary>
    public const int MaxPage = 100_000;
    /// <summary>Dates outside these years are refused rather than computed with.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1), Latest = new(2100, 12, 31);

    /// <summary>A date as yyyy-MM-dd (a day in Vietnam's calendar).</summary>
    public DateOnly? Date(string name) => Day(name, "yyyy-MM-dd", "", "ngày dạng yyyy-MM-dd");

    /// <summary>A month as yyyy-MM (its first day).</summary>
    public DateOnly? Month(string name) => Day(name, "yyyy-MM-dd", "-01", "tháng dạng yyyy-MM");

    private DateOnly? Day(string name, string format, string suffix, string expected)
    {
        var value = Text(name, 10);
        if (value is null) return null;
        if (!DateOnly.TryParseExact(value + suffix, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day < Earliest || day > Latest)
            throw new ApiInputException(name, $"'{name}' phải là {expected}, từ năm {Earliest.Year} đến {Latest.Year}.");
        return day;
    }

    public TEnum? Enum<TEnum>(string name) where TEnum : struct, System.Enum
    {
        var value = Text(name, 40);
        if (value is null) return null;
        if (!System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) || !System.Enum.IsDefined(parsed) || char.IsDigit(value[0]))
            throw new ApiInputException(name, $"'{name}' phải là một trong: {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
        return parsed;
    }

    /// <summary>unit, from, to, page, pageSize: the common filter of the lists.</summary>
    public DataFilter Filter()
    {
        var from = Date("from");
        var to = Date("to");
        if (from > to) throw new ApiInputException("from", "'from' phải trước hoặc bằng 'to'.");
        return new DataFilter(Int("unit"), from, to, Int("page", 1, MaxPage) ?? 1, Int("pageSize", 1, DataFilter.MaxPageSize) ?? DataFilter.DefaultPageSize);
    }
}
