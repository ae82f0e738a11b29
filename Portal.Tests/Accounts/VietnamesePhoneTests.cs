using Portal.Web.Accounts;

namespace Portal.Tests.Accounts;

public class VietnamesePhoneTests
{
    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("091.234.5678", "0912345678")]
    [InlineData("+84 912 345 678", "+84912345678")]
    [InlineData("+84-912-345-678", "+84912345678")]
    public void ShouldAcceptVietnameseNumbersAndDropSeparators(string typed, string stored)
    {
        Assert.True(new VietnamesePhoneAttribute().IsValid(typed));
        Assert.Equal(stored, VietnamesePhoneAttribute.Normalize(typed));
    }

    [Theory]
    [InlineData("912345678")]      // no leading 0
    [InlineData("09123456789")]    // 11 digits
    [InlineData("0012345678")]     // 0 then 0
    [InlineData("+1 202 555 0100")]
    [InlineData("0912abc678")]
    public void ShouldRefuseOtherNumbers(string typed)
    {
        Assert.False(new VietnamesePhoneAttribute().IsValid(typed));
        Assert.Null(VietnamesePhoneAttribute.Normalize(typed));
    }

    [Fact]
    public void ShouldAcceptAnEmptyOptionalNumber()
    {
        Assert.True(new VietnamesePhoneAttribute().IsValid(null));
        Assert.True(new VietnamesePhoneAttribute().IsValid(" "));
    }
}
