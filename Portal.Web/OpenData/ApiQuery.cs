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

    /// <summary>A date as yyyy-MM-dd (a day in Vietnam's calendar).</summary>
    public DateOnly? Date(string name)
    {
        var value = Text(name, 10);
        if (value is null) return null;
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw new ApiInputException(name, $"'{name}' phải là ngày dạng yyyy-MM-dd.");
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
        return new DataFilter(Int("unit"), from, to, Int("page") ?? 1, Int("pageSize", 1, DataFilter.MaxPageSize) ?? DataFilter.DefaultPageSize);
    }
}
