using Microsoft.Extensions.Localization;
using Portal.Domain.Accounts;
using Portal.Domain.Units;

namespace Portal.Web.Accounts;

/// <summary>Turns what the village picker posted into a home village, or a message saying what is wrong.</summary>
public sealed class VillageChoice(AccountService accounts, UnitService units, IStringLocalizer<AccountsText> T)
{
    private const int MaxCandidates = 8;

    public sealed record Result(int? Id, string? Name, string? Error)
    {
        /// <summary>When the typed name matches several villages: the ones to choose from (radio buttons, no script needed).</summary>
        public IReadOnlyList<UnitChoice> Candidates { get; init; } = [];
    }

    /// <param name="id">The picked village (set by the script, or a radio button among the candidates), if any.</param>
    /// <param name="typed">The text in the box: used when the script did not run.</param>
    /// <param name="required">Whether an empty choice is an error.</param>
    public async Task<Result> ResolveAsync(int? id, string? typed, bool required)
    {
        if (id is int unitId)
        {
            if (!await accounts.IsHomeVillageAsync(unitId))
                return new(null, typed, T["Đơn vị đã chọn không phải là một thôn hoặc tổ dân phố đang hoạt động."]);
            var unit = await units.FindAsync(unitId);
            return new(unitId, unit?.Name, null);
        }
        var name = typed?.Trim() ?? "";
        if (name.Length == 0)
            return required ? new(null, null, T["Vui lòng chọn thôn hoặc tổ dân phố nơi bạn sống."]) : new(null, null, null);
        var found = await units.SearchAsync(name, UnitLevel.Village, take: MaxCandidates + 1);
        var exact = found.Where(u => string.Equals(u.Name, name, StringComparison.CurrentCultureIgnoreCase)).ToList();
        if (exact.Count == 1) found = exact;
        return found.Count switch
        {
            0 => new(null, typed, T["Không tìm thấy thôn hoặc tổ dân phố nào tên \"{0}\".", name]),
            1 => new(found[0].Id, found[0].Name, null),
            > MaxCandidates => new(null, typed, T["Có nhiều thôn, tổ dân phố khớp với \"{0}\". Hãy gõ đầy đủ tên hơn.", name]),
            _ => new(null, typed, T["Có {0} thôn, tổ dân phố khớp với \"{1}\". Hãy chọn một nơi dưới đây.", found.Count, name])
                { Candidates = found },
        };
    }
}
