using System.Net;
using Microsoft.AspNetCore.Identity;
using Portal.Domain.Accounts;
using Portal.Jobs.Notifications;

namespace Portal.Web.Accounts;

/// <summary>The account emails (confirm address, reset password), in the person's language.</summary>
public sealed class IdentityEmails(IEmailSender sender) : IEmailSender<PortalUser>
{
    public Task SendConfirmationLinkAsync(PortalUser user, string email, string confirmationLink) =>
        Send(user, email,
            vi: ("Xác nhận địa chỉ email của bạn", "Chào {0}, hãy xác nhận địa chỉ email để hoàn tất đăng ký tài khoản trên Cổng đối thoại.", "Xác nhận email"),
            en: ("Confirm your email address", "Hello {0}, please confirm your email address to finish creating your Portal account.", "Confirm email"),
            confirmationLink);

    public Task SendPasswordResetLinkAsync(PortalUser user, string email, string resetLink) =>
        Send(user, email,
            vi: ("Đặt lại mật khẩu", "Chào {0}, bấm vào liên kết dưới đây để đặt lại mật khẩu. Nếu bạn không yêu cầu, hãy bỏ qua email này.", "Đặt lại mật khẩu"),
            en: ("Reset your password", "Hello {0}, follow the link below to reset your password. If you did not ask for this, ignore this email.", "Reset password"),
            resetLink);

    public Task SendPasswordResetCodeAsync(PortalUser user, string email, string resetCode) =>
        Send(user, email,
            vi: ("Mã đặt lại mật khẩu", "Chào {0}, mã đặt lại mật khẩu của bạn là: " + resetCode, null),
            en: ("Your password reset code", "Hello {0}, your password reset code is: " + resetCode, null),
            null);

    private Task Send(PortalUser user, string email, (string Subject, string Body, string? Action) vi,
        (string Subject, string Body, string? Action) en, string? link)
    {
        var text = user.PreferredLanguage == "en" ? en : vi;
        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? email : user.DisplayName;
        var body = string.Format(System.Globalization.CultureInfo.InvariantCulture, text.Body, name);
        var plain = link is null ? body : $"{body}\n\n{text.Action}: {WebUtility.HtmlDecode(link)}";
        var html = $"<p>{WebUtility.HtmlEncode(body)}</p>" +
            (link is null ? "" : $"<p><a href=\"{link}\">{WebUtility.HtmlEncode(text.Action)}</a></p>");
        return sender.SendAsync(new EmailMessage(email, user.DisplayName, text.Subject, html, plain));
    }
}
