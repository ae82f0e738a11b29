using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Campaigns;

/// <summary>Campaign events on the real PostgreSQL: organisers add them, households register how many people come.</summary>
public class CampaignEventsTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldCountPeoplePerVillageWithOneRegistrationPerHouseholdAccount()
    {
        var w = await CampaignWorld.CreateAsync(db, db.Clock);
        await w.OpenAsync();
        var starts = db.Clock.GetUtcNow().AddDays(10);
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Service.AddEventAsync(w.HeadA1, w.Campaign, "Ra quân làm đường", starts, "Nhà văn hoá thôn"));
        var festival = await w.Service.AddEventAsync(w.Organiser, w.Campaign, "Ngày hội đại đoàn kết toàn dân tộc", starts, "Nhà văn hoá thôn Nà Sla");
        var neighbour = await w.PersonAsync("Vi Thị Hoa", home: w.Tree.VillageA2);

        await w.Service.RegisterForEventAsync(w.Resident, festival, w.Tree.VillageA1, 4);
        await w.Service.RegisterForEventAsync(w.Resident, festival, w.Tree.VillageA1, 5); // changes the number
        await w.Service.RegisterForEventAsync(neighbour, festival, w.Tree.VillageA2, 3);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => w.Service.RegisterForEventAsync(neighbour, festival, w.Tree.VillageA2, 31));

        Assert.Equal("event.people.invalid", refused.Key);
        var e = (await w.Reader.EventsAsync(w.Campaign, w.Resident.UserId)).Single();
        Assert.Equal((2, 8, 5), (e.Households, e.People, e.MyPeople));
        Assert.Equal([("Thôn Nà Sla", 1, 5), ("Thôn Pò Mã", 1, 3)], e.PerVillage.Select(v => (v.VillageName, v.Households, v.People)));
        db.Clock.Advance(TimeSpan.FromDays(11));
        Assert.Equal("event.registration.closed", (await Assert.ThrowsAsync<DomainRuleException>(() =>
            w.Service.RegisterForEventAsync(w.Resident, festival, w.Tree.VillageA1, 2))).Key);
    }
}
