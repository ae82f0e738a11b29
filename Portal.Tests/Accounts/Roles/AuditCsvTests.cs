using System.Text;
using Portal.Domain.Audit;
using Portal.Web.Accounts.Roles;

namespace Portal.Tests.Accounts.Roles;

public class AuditCsvTests
{
    [Fact]
    public void ShouldQuoteCellsWithCommasQuotesAndNewlines()
    {
        Assert.Equal("Thất Khê", AuditCsv.Cell("Thất Khê"));
        Assert.Equal("\"a, b\"", AuditCsv.Cell("a, b"));
        Assert.Equal("\"{\"\"Name\"\":\"\"Nà Sla\"\"}\"", AuditCsv.Cell("{\"Name\":\"Nà Sla\"}"));
        Assert.Equal("\"dòng 1\ndòng 2\"", AuditCsv.Cell("dòng 1\ndòng 2"));
    }

    [Fact]
    public void ShouldNeutraliseCellsASpreadsheetWouldRunAsFormulas()
    {
        Assert.Equal("'=SUM(A1:A9)", AuditCsv.Cell("=SUM(A1:A9)"));
        Assert.Equal("'-1", AuditCsv.Cell("-1"));
        Assert.Equal("'+84 912", AuditCsv.Cell("+84 912"));
        Assert.Equal("'@admin", AuditCsv.Cell("@admin"));
    }

    [Fact]
    public void ShouldWriteUtf8WithBomAndVietnamTime()
    {
        var row = new AuditRow(1, new DateTimeOffset(2026, 2, 2, 17, 30, 0, TimeSpan.Zero), "Đinh Công Minh", "unit.rename", "unit", "42",
            42, "Thôn Nà Sla", null, "{\"Name\":\"Nà Sla\"}", null);

        var bytes = AuditCsv.Write([row], ["Thời điểm", "Người", "Thao tác", "Loại", "Mã", "Đơn vị", "Trước", "Sau", "Lý do"]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Thời điểm,Người,Thao tác,Loại,Mã,Đơn vị,Trước,Sau,Lý do", lines[0]);
        Assert.Equal("2026-02-03 00:30:00,Đinh Công Minh,unit.rename,unit,42,Thôn Nà Sla,,\"{\"\"Name\"\":\"\"Nà Sla\"\"}\",", lines[1]);
    }
}
