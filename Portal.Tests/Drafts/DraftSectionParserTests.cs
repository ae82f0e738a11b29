using Portal.Domain.Drafts;

namespace Portal.Tests.Drafts;

public class DraftSectionParserTests
{
    internal const string Regulation = """
        # Quy chế quản lý đường giao thông nông thôn xã Thất Khê

        Căn cứ Luật Thực hiện dân chủ ở cơ sở năm 2022;

        ## Chương I. QUY ĐỊNH CHUNG

        ### Điều 1. Phạm vi điều chỉnh

        Quy chế này quy định việc quản lý, bảo trì đường giao thông nông thôn trên địa bàn xã.

        ### Điều 2. Đối tượng áp dụng

        1. Các hộ gia đình sinh sống trên địa bàn xã.
        2. Các tổ chức có hoạt động liên quan, gồm:
        a) Hợp tác xã vận tải;
        b) Doanh nghiệp xây dựng.

        ## Chương II. ĐÓNG GÓP CỦA NHÂN DÂN

        **Mục 1. Hiến đất**

        **Điều 3.** Mức hiến đất

        Mỗi hộ hiến phần đất cần thiết để mở rộng mặt đường lên 3,5 m.

        Điều 4. Bồi đắp hoa màu

        Hoa màu trên phần đất hiến được hỗ trợ theo đơn giá của tỉnh.
        """;

    [Fact]
    public void ShouldSplitVietnameseLegalHeadingsIntoChaptersSectionsArticlesAndClauses()
    {
        var sections = DraftSectionParser.Parse(Regulation);

        Assert.Equal(
            ["quy-che-quan-ly-duong-giao-thong-nong-thon-xa-that-khe", "chuong-i", "dieu-1", "dieu-2", "dieu-2-k1", "dieu-2-k2",
             "chuong-ii", "chuong-ii-muc-1", "dieu-3", "dieu-4"],
            sections.Select(s => s.Anchor));
        var article2 = sections.Single(s => s.Anchor == "dieu-2");
        Assert.Equal(("Điều 2. Đối tượng áp dụng", 3, "chuong-i"), (article2.Title, article2.Level, article2.ParentAnchor));
        var clause2 = sections.Single(s => s.Anchor == "dieu-2-k2");
        Assert.Equal(("Điều 2, khoản 2", "dieu-2"), (clause2.Title, clause2.ParentAnchor));
        Assert.Contains("a) Hợp tác xã vận tải", clause2.Markdown); // lettered points stay inside their clause
        Assert.Contains("b) Doanh nghiệp xây dựng", clause2.Markdown);
        Assert.Equal("chuong-ii-muc-1", sections.Single(s => s.Anchor == "dieu-3").ParentAnchor);
        Assert.Equal("Điều 3. Mức hiến đất", sections.Single(s => s.Anchor == "dieu-3").Title);
        Assert.Contains("3,5 m", sections.Single(s => s.Anchor == "dieu-3").Markdown);
        Assert.Contains("Căn cứ Luật Thực hiện dân chủ", sections[0].Markdown);
    }

    [Fact]
    public void ShouldKeepAnchorsWhenANewVersionChangesTextButNotHeadings()
    {
        var v2 = Regulation
            .Replace("lên 3,5 m.", "lên 4 m, trừ đoạn qua khu dân cư đông.")
            .Replace("### Điều 1. Phạm vi điều chỉnh", "### Điều 1. Phạm vi điều chỉnh của quy chế")
            .Replace("Hoa màu trên phần đất hiến", "Cây cối, hoa màu trên phần đất hiến");

        var before = DraftSectionParser.Parse(Regulation);
        var after = DraftSectionParser.Parse(v2);

        Assert.Equal(before.Select(s => s.Anchor), after.Select(s => s.Anchor));
        Assert.Contains("4 m", after.Single(s => s.Anchor == "dieu-3").Markdown);
    }

    [Fact]
    public void ShouldAnchorPlainHeadingsByTheirWordsWithoutAccentsAndKeepThemUnique()
    {
        var sections = DraftSectionParser.Parse("## Mục tiêu\n\nBê tông hoá 100% đường thôn.\n\n## Mục tiêu\n\nLặp lại.\n\n## Đóng góp của Nhân dân\n\n1. Hiến đất.\n2. Góp ngày công.");

        Assert.Equal(["muc-tieu", "muc-tieu-2", "dong-gop-cua-nhan-dan", "dong-gop-cua-nhan-dan-k1", "dong-gop-cua-nhan-dan-k2"], sections.Select(s => s.Anchor));
        Assert.Equal("Đóng góp của Nhân dân, khoản 2", sections[^1].Title);
    }

    [Fact]
    public void ShouldTreatTextBeforeAnyHeadingAsTheOpening()
    {
        var sections = DraftSectionParser.Parse("Lời nói đầu của dự thảo.\n\n### Điều 1. Mục đích\n\nNội dung.");

        Assert.Equal([DraftSectionParser.PreambleAnchor, "dieu-1"], sections.Select(s => s.Anchor));
        Assert.Equal("Phần mở đầu", sections[0].Title);
    }

    [Fact]
    public void ShouldReadTheSameAnchorsFromDecomposedVietnamese()
    {
        var decomposed = Regulation.Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal(DraftSectionParser.Parse(Regulation).Select(s => s.Anchor), DraftSectionParser.Parse(decomposed).Select(s => s.Anchor));
    }
}

public class VersionComparerTests
{
    [Fact]
    public void ShouldCompareVersionsSectionBySectionByAnchor()
    {
        var v2 = DraftSectionParserTests.Regulation
            .Replace("lên 3,5 m.", "lên 3 m.")
            .Replace("Điều 4. Bồi đắp hoa màu\n\nHoa màu trên phần đất hiến được hỗ trợ theo đơn giá của tỉnh.", "Điều 5. Giám sát\n\nBan giám sát đầu tư của cộng đồng giám sát công trình.");

        var changes = VersionComparer.Compare(DraftSectionParserTests.Regulation, v2);

        var article3 = changes.Single(c => c.Anchor == "dieu-3");
        Assert.Equal(SectionChangeKind.Changed, article3.Kind);
        Assert.Contains(new DiffPart(DiffKind.Removed, "3,5"), article3.Diff);
        Assert.Contains(new DiffPart(DiffKind.Added, "3"), article3.Diff);
        Assert.Equal(SectionChangeKind.Unchanged, changes.Single(c => c.Anchor == "dieu-1").Kind);
        Assert.Equal(["dieu-3", "dieu-4", "dieu-5"], changes.SkipWhile(c => c.Anchor != "dieu-3").Select(c => c.Anchor));
        Assert.Equal((SectionChangeKind.Removed, SectionChangeKind.Added), (changes.Single(c => c.Anchor == "dieu-4").Kind, changes.Single(c => c.Anchor == "dieu-5").Kind));
    }
}
