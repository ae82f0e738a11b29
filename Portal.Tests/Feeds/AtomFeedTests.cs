using System.Xml.Linq;
using Portal.Web.Feeds;

namespace Portal.Tests.Feeds;

public class AtomFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ShouldWriteAValidFeedWithAbsoluteLinksAndTheNewestEntryAsUpdated()
    {
        var xml = AtomFeed.Write("https://cong.example.vn/", "/dia-phuong/5/hoi-nghi/atom", "/dia-phuong/5/hoi-nghi", "Hội nghị đối thoại · Xã Thất Khê",
        [
            new AtomEntry("/hoi-nghi/1", "Đối thoại quý IV", "Đường liên thôn bị sạt lở", Monday, Monday.AddDays(-3), "UBND xã Thất Khê"),
            new AtomEntry("/hoi-nghi/2", "Kết quả đối thoại", "Đã công khai", Monday.AddDays(1)),
        ], Monday);

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml);
        var feed = XDocument.Parse(xml).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("https://cong.example.vn/dia-phuong/5/hoi-nghi/atom", feed.Element(Atom + "id")!.Value);
        Assert.Equal("2026-12-08T02:00:00Z", feed.Element(Atom + "updated")!.Value);
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal("https://cong.example.vn/hoi-nghi/1", entries[0].Element(Atom + "id")!.Value);
        Assert.Equal("https://cong.example.vn/hoi-nghi/1", entries[0].Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Equal("2026-12-04T02:00:00Z", entries[0].Element(Atom + "published")!.Value);
        Assert.Equal("UBND xã Thất Khê", entries[0].Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Null(entries[1].Element(Atom + "published"));
    }

    [Fact]
    public void ShouldEscapeMarkupInTitlesAndSummaries()
    {
        var xml = AtomFeed.Write("http://localhost", "/f", "/p", "<b>x</b>",
            [new AtomEntry("/e", "A & B <script>alert(1)</script>", "\"quoted\" <i>", Monday)], Monday);

        var entry = XDocument.Parse(xml).Root!.Element(Atom + "entry")!;
        Assert.Equal("A & B <script>alert(1)</script>", entry.Element(Atom + "title")!.Value);
        Assert.Empty(entry.Element(Atom + "title")!.Elements());
        Assert.DoesNotContain("<script>", xml);
    }

    [Fact]
    public void ShouldCarryTheGivenUpdatedInstantWhenThereIsNoEntry()
    {
        var feed = XDocument.Parse(AtomFeed.Write("http://localhost", "/f", "/p", "Trống", [], Monday)).Root!;

        Assert.Equal("2026-12-07T02:00:00Z", feed.Element(Atom + "updated")!.Value);
        Assert.Empty(feed.Elements(Atom + "entry"));
    }
}
