using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Dialogues;
using Portal.Domain.Units;
using Portal.Tests.Dialogues;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.OpenData;

/// <summary>The officials' CSV of an agency's items and deadlines: UTF-8 with BOM, Vietnamese intact, only for the
/// agency's members and the officials of its unit.</summary>
public class AgencyDeadlinesExportTests(AgencyDeadlinesExportTests.Site site) : IClassFixture<AgencyDeadlinesExportTests.Site>
{
    public sealed class Site : PortalWebFactory
    {
        public DialogueWorld World { get; private set; } = null!;
        public TestAccount Member { get; private set; } = null!;
        public TestAccount Stranger { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            World = await DialogueWorld.CreateAsync(new ConnectionFactory(ConnectionString), TimeProvider.System);
            Member = await this.CreateAccountAsync("Cán bộ giao thông Thất Khê");
            await Services.GetRequiredService<AgencyService>().AddMemberAsync(Actor.System, World.Roads, Member.Id);
            Stranger = await this.CreateAccountAsync("Cán bộ xã khác", World.Tree.CommuneB);
            var conference = await World.OpenConferenceAsync(ModerationMode.PostModeration);
            var question = await World.AskAsync(conference, await World.PersonAsync("Hoàng Thị Mai"), "Đường vào thôn Nà Sla bị sạt lở, cần khắc phục gấp");
            await World.Service.AcceptAsync(World.Moderator, question, World.Roads);
        }
    }

    [Fact]
    public async Task ShouldExportTheAgencysDeadlinesAsUtf8WithBom()
    {
        var client = await site.SignInAsync(site.Member);
        var response = await client.GetAsync($"/quan-ly/co-quan/{site.World.Roads}/han-xu-ly.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Loại việc,Loại đối tượng,Mã,Nội dung", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.Contains("Trả lời ý kiến", row);
        Assert.Contains("Đường vào thôn Nà Sla bị sạt lở", row);
        Assert.Contains("Trong hạn", row);
    }

    [Fact]
    public async Task ShouldRefuseAnOfficialOfAnotherCommune()
    {
        var client = await site.SignInAsync(site.Stranger);
        var response = await client.GetAsync($"/quan-ly/co-quan/{site.World.Roads}/han-xu-ly.csv");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
