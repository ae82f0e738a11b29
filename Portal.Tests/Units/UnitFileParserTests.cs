using System.Text;
using Portal.Domain.Units;

namespace Portal.Tests.Units;

public class UnitFileParserTests
{
    [Fact]
    public void ShouldReadProvincesAndWardsFromTheNationalJsonShape()
    {
        const string json = """
            [{"Code":"20","Name":"Lạng Sơn","NameEn":"Lang Son","FullName":"Tỉnh Lạng Sơn","Wards":[
              {"Code":"06040","Name":"Thất Khê","NameEn":"That Khe","FullName":"Xã Thất Khê","ProvinceCode":"20"}]}]
            """;
        var parsed = UnitFileParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "units.json");

        Assert.Empty(parsed.Rejected);
        Assert.Collection(parsed.Rows,
            p => Assert.Equal(("20", "Tỉnh Lạng Sơn", UnitLevel.Province, (string?)null), (p.Code, p.FullName, p.Level, p.ParentCode)),
            c => Assert.Equal(("06040", "Xã Thất Khê", UnitLevel.Commune, "20"), (c.Code, c.FullName, c.Level, c.ParentCode)));
    }

    [Fact]
    public void ShouldReportMalformedCsvRowsWithTheirLineNumbers()
    {
        const string csv = "code,name,level,parent_code\n20,Lạng Sơn,Province,\n06040,,Commune,20\n06041,Xã X,Hamlet,20\n,Thôn Y,Village,06040\n06042,Xã Z,Commune,\n";
        var parsed = UnitFileParser.ParseCsv(csv);

        Assert.Equal([3, 4, 6], parsed.Rejected.Select(r => r.Line));
        Assert.Equal(["20", null], parsed.Rows.Select(r => r.Code));
    }

    [Fact]
    public void ShouldNormaliseNamesToNfc()
    {
        var decomposed = "Tha\u0302\u0301t Khe\u0302"; // "Thất Khê" typed with combining marks
        var parsed = UnitFileParser.ParseCsv($"06040,{decomposed},Commune,20");

        Assert.Equal("Thất Khê", parsed.Rows.Single().Name);
    }
}
