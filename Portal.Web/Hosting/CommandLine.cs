using Portal.Domain.Accounts;
using Portal.Domain.Units;

namespace Portal.Web.Hosting;

/// <summary>Operator commands: `dotnet run --project Portal.Web -- migrate` and `-- import-units FILE`.</summary>
public static class CommandLine
{
    public static bool IsCommand(string word) => word is "migrate" or "import-units";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var words = args.Where(a => !a.StartsWith('-')).ToArray();
        switch (words[0])
        {
            case "migrate":
                await PortalDatabase.MigrateAsync(services);
                await output.WriteLineAsync("Đã cập nhật cấu trúc cơ sở dữ liệu (database migrated).");
                return 0;
            case "import-units":
            {
                if (words.Length < 2 || !File.Exists(words[1]))
                {
                    await output.WriteLineAsync("Cách dùng: dotnet run --project Portal.Web -- import-units TỆP.json|TỆP.csv (usage: import-units FILE)");
                    return 2;
                }
                await PortalDatabase.MigrateAsync(services);
                var units = services.GetRequiredService<UnitService>();
                await using var file = File.OpenRead(words[1]);
                var parsed = UnitFileParser.Parse(file, words[1]);
                var summary = await units.ImportAsync(Actor.System, parsed);
                await output.WriteLineAsync($"Thêm mới {summary.Added}, thay đổi {summary.Changed}, không đổi {summary.Unchanged}, bị từ chối {summary.Rejected.Count} ({summary.Took.TotalSeconds:0.0} s).");
                foreach (var row in summary.Rejected.Take(50))
                    await output.WriteLineAsync($"  dòng {row.Line}: {row.Reason}");
                if (!summary.Imported) await output.WriteLineAsync("Không nhập dòng nào vì tệp có dòng lỗi (nothing imported: fix the rows above).");
                return summary.Imported ? 0 : 1;
            }
            default:
                return 2;
        }
    }
}
