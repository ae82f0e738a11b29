using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Accounts;
using Portal.Domain.Dialogues;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Dialogues;

/// <summary>What residents and visitors may read of conferences and questions, on the real PostgreSQL.</summary>
public class DialogueReaderTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private const string Landslide = "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn, xe máy không qua được";

    private async Task<(DialogueWorld World, FakeTimeProvider Clock)> ArrangeAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
        return (await DialogueWorld.CreateAsync(db, clock), clock);
    }

    [Fact]
    public async Task ShouldListPublicConferencesOfTheLocalityByTimeAndHideDrafts()
    {
        var (w, clock) = await ArrangeAsync();
        var now = clock.GetUtcNow();
        var open = await w.AnnouncedAsync(w.Plan(now.AddDays(30), now.AddDays(10), now.AddDays(28)));
        var past = await w.AnnouncedAsync(w.Plan(now.AddDays(10), now.AddDays(1), now.AddDays(8)));
        var upcoming = await w.AnnouncedAsync(w.Plan(now.AddDays(60), now.AddDays(40), now.AddDays(58)));
        var draft = await w.Service.PlanAsync(w.Leader, w.Plan(now.AddDays(30), now.AddDays(10), now.AddDays(28)));
        var agencyB = await new AgencyService(db, clock).CreateAsync(Actor.System, "UBND phường Đông Kinh " + Guid.NewGuid().ToString("N")[..6],
            AgencyKind.PeoplesCommittee, w.Tree.CommuneB, null);
        var otherCommune = await w.AnnouncedAsync(w.Plan(now.AddDays(30), now.AddDays(10), now.AddDays(28), unit: w.Tree.CommuneB, organiser: agencyB));
        clock.Advance(TimeSpan.FromDays(15));

        var commune = await w.Reader.ConferencesAsync(w.Tree.CommuneA);
        var village = await w.Reader.ConferencesAsync(w.Tree.VillageA1);
        var province = await w.Reader.ConferencesAsync(w.Tree.Province);

        Assert.Contains(commune.Open, c => c.Id == open && c.State == ConferenceState.OpenForQuestions);
        Assert.Contains(commune.Upcoming, c => c.Id == upcoming && c.State == ConferenceState.Announced);
        Assert.Contains(commune.Past, c => c.Id == past);
        var all = commune.Open.Concat(commune.Upcoming).Concat(commune.Past).Select(c => c.Id).ToList();
        Assert.DoesNotContain(draft, all);
        Assert.DoesNotContain(otherCommune, all);
        Assert.Contains(village.Open, c => c.Id == open);
        Assert.Contains(province.Open, c => c.Id == otherCommune);
        Assert.Null(await w.Reader.ConferenceAsync(draft));
        Assert.Equal(ConferenceState.OpenForQuestions, (await w.Reader.ConferenceAsync(open))!.State);
    }

    [Fact]
    public async Task ShouldShowReceivedQuestionsOfAPreModeratedConferenceOnlyToTheirAuthor()
    {
        var (w, _) = await ArrangeAsync();
        var conference = await w.OpenConferenceAsync(ModerationMode.PreModeration);
        var author = await w.PersonAsync("Hoàng Thị Mai");
        var neighbour = await w.PersonAsync("Lộc Văn Sáng");
        var received = await w.AskAsync(conference, author, Landslide);
        var accepted = await w.AskAsync(conference, neighbour, "Xin lắp đèn chiếu sáng ở ngã ba Pò Mã vì rất tối");
        await w.Service.AcceptAsync(w.Moderator, accepted);

        var asAuthor = await w.Reader.QuestionsAsync(conference, author.UserId, new());
        var asNeighbour = await w.Reader.QuestionsAsync(conference, neighbour.UserId, new());
        var asVisitor = await w.Reader.QuestionsAsync(conference, null, new());
        var asOfficial = await w.Reader.QuestionsAsync(conference, w.Official.UserId, new());

        Assert.Equal([received, accepted], asAuthor.Items.Select(q => q.Id).Order());
        Assert.True(asAuthor.Items.Single(q => q.Id == received).IsMine);
        Assert.Equal([accepted], asNeighbour.Items.Select(q => q.Id));
        Assert.Equal([accepted], asVisitor.Items.Select(q => q.Id));
        Assert.Equal([accepted], asOfficial.Items.Select(q => q.Id));
        Assert.Null(await w.Reader.QuestionAsync(received, null));
        Assert.Empty(await w.Reader.VisibleAsync(conference, [received], neighbour.UserId));
    }

    [Fact]
    public async Task ShouldShowReceivedQuestionsOfAPostModeratedConferenceToEveryone()
    {
        var (w, _) = await ArrangeAsync();
        var conference = await w.OpenConferenceAsync(ModerationMode.PostModeration);
        var question = await w.AskAsync(conference, await w.PersonAsync("Hoàng Thị Mai"), Landslide);

        var asVisitor = await w.Reader.QuestionsAsync(conference, null, new());

        Assert.Equal([question], asVisitor.Items.Select(q => q.Id));
        Assert.Equal(QuestionState.Received, asVisitor.Items[0].State);
    }

    [Fact]
    public async Task ShouldHideRefusedAndMergedQuestionsAndTellOnlyTheAuthorWhereTheirsWasMerged()
    {
        var (w, _) = await ArrangeAsync();
        var conference = await w.OpenConferenceAsync(ModerationMode.PostModeration);
        var author = await w.PersonAsync("Hoàng Thị Mai");
        var other = await w.PersonAsync("Lộc Văn Sáng");
        var original = await w.AskAsync(conference, other, Landslide);
        var duplicate = await w.AskAsync(conference, author, "duong vao thon na sla bi sat lo, de nghi sua gap");
        var refused = await w.AskAsync(conference, author, "Nội dung không liên quan đến hội nghị này chút nào");
        await w.Service.MergeAsync(w.Moderator, duplicate, original);
        await w.Service.RefuseAsync(w.Moderator, refused, "Nội dung không thuộc phạm vi hội nghị");

        var asVisitor = await w.Reader.QuestionsAsync(conference, null, new());
        var asOfficial = await w.Reader.QuestionsAsync(conference, w.Moderator.UserId, new());
        var asAuthor = await w.Reader.QuestionsAsync(conference, author.UserId, new());

        Assert.Equal([original], asVisitor.Items.Select(q => q.Id));
        Assert.Equal([original], asOfficial.Items.Select(q => q.Id));
        Assert.Equal(original, asAuthor.Items.Single(q => q.Id == duplicate).MergedIntoId);
        Assert.Equal("Nội dung không thuộc phạm vi hội nghị", asAuthor.Items.Single(q => q.Id == refused).RefusalReason);
        Assert.All(asVisitor.Items, q => Assert.Null(q.MergedIntoId));
    }

    [Fact]
    public async Task ShouldShowTheAuthorAsTheyChoseAndNeverThePhone()
    {
        var (w, _) = await ArrangeAsync();
        var conference = await w.OpenConferenceAsync(ModerationMode.PostModeration);
        var mai = await w.PersonAsync("Hoàng Thị Mai");
        var full = await w.AskAsync(conference, mai, Landslide, AuthorVisibility.FullName);
        var initials = await w.AskAsync(conference, mai, "Xin lắp đèn chiếu sáng ở ngã ba Pò Mã vì rất tối", AuthorVisibility.InitialsAndVillage);
        var anonymous = await w.AskAsync(conference, mai, "Cầu tràn suối Nà Sla bị ngập mỗi mùa mưa lũ", AuthorVisibility.Anonymous);
        var relayed = await w.Service.AskAsync(w.VillageHead, conference, w.Tree.VillageA1, "Giao thông", "Nhà văn hoá thôn xuống cấp, mái dột khi mưa",
            AuthorVisibility.FullName, Guid.NewGuid(), new RelayedFor("Lương Văn Tâm", "0912345678"));

        var page = await w.Reader.QuestionsAsync(conference, null, new());
        PublicAuthor Author(long id) => page.Items.Single(q => q.Id == id).Author;

        Assert.Equal(new PublicAuthor("Hoàng Thị Mai", null, false), Author(full));
        Assert.Equal(new PublicAuthor("H.T.M.", "Thôn Nà Sla", false), Author(initials));
        Assert.Equal(new PublicAuthor(null, null, false), Author(anonymous));
        Assert.Equal(new PublicAuthor("Lương Văn Tâm", null, true), Author(relayed));
        Assert.DoesNotContain("0912345678", System.Text.Json.JsonSerializer.Serialize(page));
        Assert.DoesNotContain("@", System.Text.Json.JsonSerializer.Serialize(page.Items.Select(q => q.Author)));
    }

    [Fact]
    public async Task ShouldShowTheRedactedTextAnswerCommitmentsAndWhatTheViewerDid()
    {
        var (w, clock) = await ArrangeAsync();
        var conference = await w.OpenConferenceAsync(ModerationMode.PreModeration);
        var author = await w.PersonAsync("Hoàng Thị Mai");
        var supporter = await w.PersonAsync("Lộc Văn Sáng");
        var question = await w.AskAsync(conference, author, Landslide + ". Gọi tôi số 0912345678");
        await w.Service.RedactAsync(w.Moderator, question, Landslide + ". [đã ẩn thông tin cá nhân]");
        await w.Service.AcceptAsync(w.Moderator, question, w.Roads);
        await w.Service.SupportAsync(supporter, question, true);
        await w.Service.FollowAsync(supporter, question, true);
        await w.Service.AnswerAsync(w.Official, question, "Xã sẽ **khắc phục** trong tháng này. <script>alert(1)</script>",
            [new CommitmentPlan("Gia cố 200 m taluy đường vào thôn", w.Roads, clock.GetUtcNow().AddDays(60))]);

        var bySupporter = (await w.Reader.QuestionAsync(question, supporter.UserId))!;
        var byAuthor = (await w.Reader.QuestionAsync(question, author.UserId))!;

        Assert.EndsWith("[đã ẩn thông tin cá nhân]", bySupporter.Text);
        Assert.Equal((true, true, false, 1), (bySupporter.Supported, bySupporter.Following, bySupporter.IsMine, bySupporter.SupportCount));
        Assert.Contains("<strong>khắc phục</strong>", bySupporter.AnswerHtml);
        Assert.DoesNotContain("<script", bySupporter.AnswerHtml);
        Assert.Equal("Gia cố 200 m taluy đường vào thôn", Assert.Single(bySupporter.Commitments).What);
        Assert.False(bySupporter.MayRate);
        Assert.True(byAuthor.MayRate);
        Assert.True(byAuthor.Following);
        Assert.Null(bySupporter.Deadline);
        Assert.NotNull(byAuthor.Deadline);
    }

    [Fact]
    public async Task ShouldRankBySupportThenDateFilterAndPage()
    {
        var (w, clock) = await ArrangeAsync();
        var conference = await w.OpenConferenceAsync(ModerationMode.PostModeration);
        var author = await w.PersonAsync("Hoàng Thị Mai");
        var fan = await w.PersonAsync("Lộc Văn Sáng");
        var ids = new List<long>();
        for (var i = 0; i < 23; i++)
        {
            ids.Add(await w.AskAsync(conference, author, $"Ý kiến số {i} về đường giao thông nông thôn", topic: i % 2 == 0 ? "Giao thông" : "Đất đai",
                village: i < 20 ? w.Tree.VillageA1 : w.Tree.VillageA2));
            clock.Advance(TimeSpan.FromMinutes(1));
        }
        await w.Service.SupportAsync(fan, ids[22], true);

        var first = await w.Reader.QuestionsAsync(conference, null, new());
        var second = await w.Reader.QuestionsAsync(conference, null, new(Page: 2));
        var land = await w.Reader.QuestionsAsync(conference, null, new(Topic: "Đất đai"));
        var poMa = await w.Reader.QuestionsAsync(conference, null, new(VillageId: w.Tree.VillageA2));
        var answered = await w.Reader.QuestionsAsync(conference, null, new(Answered: true));

        Assert.Equal((23, 2, 20), (first.Total, first.PageCount, first.Items.Count));
        Assert.Equal([ids[22], ids[0], ids[1]], first.Items.Take(3).Select(q => q.Id));
        Assert.Equal(ids[19..22], second.Items.Select(q => q.Id));
        Assert.Equal(11, land.Total);
        Assert.All(land.Items, q => Assert.Equal("Đất đai", q.Topic));
        Assert.Equal(ids[20..23], poMa.Items.Select(q => q.Id).Order());
        Assert.Equal(0, answered.Total);
        Assert.Equal(["Thôn Nà Sla", "Thôn Pò Mã"], (await w.Reader.VillagesAsync(conference, null)).Select(v => v.Name));
    }

    [Fact]
    public async Task ShouldDefaultToTheHomeVillageOnlyInsideTheConferenceUnit()
    {
        var (w, _) = await ArrangeAsync();
        var conference = await w.OpenConferenceAsync();
        var inside = await w.PersonAsync("Hoàng Thị Mai");
        var outside = await w.PersonAsync("Nông Văn Dền", home: w.Tree.VillageB1);

        Assert.Equal(w.Tree.VillageA1, (await w.Reader.HomeVillageAsync(conference, inside.UserId!))?.Id);
        Assert.Null(await w.Reader.HomeVillageAsync(conference, outside.UserId!));
    }

    [Theory]
    [InlineData("Hoàng Thị Mai", "H.T.M.")]
    [InlineData("  lộc   văn sáng ", "L.V.S.")]
    [InlineData("Đàm Quang Trung", "Đ.Q.T.")]
    public void ShouldAbbreviateANameToItsInitials(string name, string initials) =>
        Assert.Equal(initials, DialogueReader.Initials(name));
}
