using Portal.Domain;
using Portal.Domain.Drafts;

namespace Portal.Tests.Drafts;

public class OpinionCompilerTests
{
    private static readonly IReadOnlyList<DraftSection> Sections = DraftSectionParser.Parse(DraftSectionParserTests.Regulation);

    [Fact]
    public void ShouldCollapseIdenticalAndNearIdenticalCommentsWithTheirCount()
    {
        var opinions = new List<Opinion>
        {
            new(1, "dieu-3", Stance.Disagree, "Mặt đường 3,5 m là quá rộng, nhiều hộ phải hiến quá nhiều đất.", null, 4),
            new(2, "dieu-3", Stance.Disagree, "mat duong 3,5 m la qua rong, nhieu ho phai hien qua nhieu dat", null, 0),
            new(3, "dieu-3", Stance.Disagree, "Mặt đường 3,5 m là quá rộng, nhiều hộ phải hiến quá nhiều đất!!", null, 1),
            new(4, "dieu-3", Stance.Disagree, "Mặt đường 3,5m là quá rộng, nhiều hộ phải hiến quá nhiều đất ở.", null, 0),
            new(5, "dieu-3", Stance.Disagree, "Đơn giá hỗ trợ hoa màu quá thấp so với giá thị trường hiện nay.", null, 2),
        };

        var result = OpinionCompiler.Compile("Quy chế", Sections, opinions);

        var section = result.Sections.Single(s => s.Anchor == "dieu-3");
        Assert.Equal(5, section.Comments);
        Assert.Equal(2, section.Clusters.Count);
        var mass = section.Clusters[0];
        Assert.Equal((1L, 4, 5), (mass.RepresentativeId, mass.Count, mass.Supports));
        Assert.Equal([1L, 2, 3, 4], mass.CommentIds);
        Assert.Equal([5L], section.Clusters[1].CommentIds);
        Assert.Contains("4 ý kiến giống nhau", result.Markdown);
    }

    [Fact]
    public void ShouldCountStancesPerSectionAndOverall()
    {
        var opinions = new List<Opinion>
        {
            new(1, "dieu-1", Stance.Agree, "Tán thành phạm vi điều chỉnh như dự thảo.", null, 0),
            new(2, "dieu-1", Stance.Disagree, "Cần nói rõ cả đường nội đồng có thuộc phạm vi không.", null, 0),
            new(3, "dieu-2-k2", Stance.ProposeAmendment, "Bổ sung tổ hợp tác vào đối tượng.", "2. Các tổ chức, tổ hợp tác có hoạt động liên quan.", 0),
            new(4, null, Stance.Agree, "Đồng tình với chủ trương bê tông hoá đường thôn.", null, 0),
            new(5, "khong-co", Stance.Agree, "Góp ý gửi vào một phần đã bị bỏ ở phiên bản mới.", null, 0),
        };

        var result = OpinionCompiler.Compile("Quy chế", Sections, opinions);

        Assert.Equal((5, 3, 1, 1), (result.Comments, result.Agree, result.Disagree, result.Amend));
        Assert.Equal([null, "dieu-1", "dieu-2-k2"], result.Sections.Select(s => s.Anchor));
        Assert.Equal(2, result.Sections[0].Comments); // general, plus the one whose section no longer exists
        var article1 = result.Sections[1];
        Assert.Equal((2, 1, 1, 0), (article1.Comments, article1.Agree, article1.Disagree, article1.Amend));
        Assert.Equal("2. Các tổ chức, tổ hợp tác có hoạt động liên quan.", result.Sections[2].Wordings.Single().Wording);
    }

    [Fact]
    public void ShouldLinkEachRecommendationToItsSectionAndTheCommentsBehindIt()
    {
        var opinions = new List<Opinion>
        {
            new(10, "dieu-3", Stance.Disagree, "Mặt đường 3,5 m là quá rộng với đường thôn.", null, 3),
            new(11, "dieu-3", Stance.Disagree, "Mặt đường 3,5 m là quá rộng với đường thôn!", null, 0),
            new(12, "dieu-3", Stance.ProposeAmendment, "Nên để 3 m cho đường nhánh.", "Mỗi hộ hiến phần đất cần thiết để mở rộng mặt đường lên 3 m.", 1),
            new(13, "dieu-3", Stance.Agree, "Đồng ý mức 3,5 m để xe cứu thương vào được.", null, 9),
        };

        var result = OpinionCompiler.Compile("Quy chế", Sections, opinions);

        Assert.Equal(2, result.Recommendations.Count); // agreement is no recommendation
        Assert.All(result.Recommendations, r => Assert.Equal(("dieu-3", "Điều 3. Mức hiến đất"), (r.Anchor, r.SectionTitle)));
        Assert.Equal([10L, 11], result.Recommendations[0].SourceCommentIds);
        Assert.Equal([12L], result.Recommendations[1].SourceCommentIds);
        Assert.Contains("Đề xuất sửa thành: «Mỗi hộ hiến phần đất cần thiết để mở rộng mặt đường lên 3 m.»", result.Recommendations[1].Text);
    }

    [Fact]
    public void ShouldGatherTheRestOfASectionsObjectionsIntoOneMoreRecommendation()
    {
        var texts = new[]
        {
            "Cần làm cống thoát nước ngang đường ở chân dốc Khau Phầy.", "Thiếu biển báo hạn chế tải trọng xe.",
            "Đề nghị lắp đèn chiếu sáng đoạn qua trường học.", "Rãnh dọc hai bên phải được xây kiên cố.",
            "Trồng cây xanh ven đường sau khi hoàn thành.", "Bố trí điểm tránh xe mỗi 300 m.", "Cầu tràn suối Nà Sla hay ngập về mùa lũ.",
        };
        var opinions = texts.Select((t, i) => new Opinion(i + 1, "dieu-4", Stance.Disagree, t, null, 10 - i)).ToList();

        var result = OpinionCompiler.Compile("Quy chế", Sections, opinions);

        Assert.Equal(OpinionCompiler.RecommendationsPerSection + 1, result.Recommendations.Count);
        Assert.Equal([6L, 7], result.Recommendations[^1].SourceCommentIds);
        Assert.Equal(opinions.Select(o => o.Id).Order(), result.Recommendations.SelectMany(r => r.SourceCommentIds).Order());
    }

    [Fact]
    public void ShouldSayThereWereNoCommentsWhenNobodyCommented()
    {
        var result = OpinionCompiler.Compile("Quy chế", Sections, []);

        Assert.Empty(result.Recommendations);
        Assert.Contains("Không có ý kiến góp ý nào", result.Markdown);
    }
}

public class DraftRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ShouldRefuseAWindowOpenToResidentsShorterThanTwentyDaysWithTheRule()
    {
        var error = Assert.Throws<DomainRuleException>(() => DraftWindowRule.Check(Now, Now.AddDays(19), openToResidents: true, 20));

        Assert.Equal("draft.window.too-short", error.Key);
        Assert.Equal(20, error.Args[0]);
        DraftWindowRule.Check(Now, Now.AddDays(20), openToResidents: true, 20);
        DraftWindowRule.Check(Now, Now.AddDays(7), openToResidents: false, 20); // invited experts only: no legal minimum
    }

    [Theory]
    [InlineData(Decision.PartlyAccepted)]
    [InlineData(Decision.NotAccepted)]
    public void ShouldRequireAnExplanationUnlessFullyAccepted(Decision decision)
    {
        var recommendation = new CriticismRecommendation(1, "dieu-3", "Điều 3", "Đề nghị giảm bề rộng mặt đường.", [1, 2], 1);

        Assert.Equal("recommendation.explanation.required",
            Assert.Throws<DomainRuleException>(() => recommendation.Answer(decision, "  ", "u", Now)).Key);
        recommendation.Answer(Decision.Accepted, null, "u", Now);
        recommendation.Answer(decision, "Giữ 3,5 m để xe cứu hoả vào được; đoạn khó giảm còn 3 m.", "u", Now);
        Assert.Equal(decision, recommendation.Decision);
    }

    [Fact]
    public void ShouldKeepCommentLinksThroughMergeAndSplit()
    {
        var a = new CriticismRecommendation(1, "dieu-3", "Điều 3", "Giảm bề rộng mặt đường.", [1, 2], 1);
        var b = new CriticismRecommendation(1, "dieu-3", "Điều 3", "Hỗ trợ hộ hiến nhiều đất.", [3], 2);

        a.Absorb(b);
        var split = a.SplitOff([3], "Hỗ trợ hộ hiến nhiều đất.", 3);

        Assert.Equal([1L, 2], a.SourceCommentIds);
        Assert.Equal([3L], split.SourceCommentIds);
        Assert.Equal("recommendation.split.invalid", Assert.Throws<DomainRuleException>(() => a.SplitOff([1, 2], "Tất cả", 4)).Key);
    }

    [Fact]
    public void ShouldShowAProposedWordingAsAWordDiff()
    {
        var parts = WordDiff.Compare("mở rộng mặt đường lên 3,5 m", "mở rộng mặt đường lên 3 m đối với đường nhánh");

        Assert.Equal(
            [new DiffPart(DiffKind.Same, "mở rộng mặt đường lên"), new DiffPart(DiffKind.Removed, "3,5"), new DiffPart(DiffKind.Added, "3"),
             new DiffPart(DiffKind.Same, "m"), new DiffPart(DiffKind.Added, "đối với đường nhánh")],
            parts);
    }
}
