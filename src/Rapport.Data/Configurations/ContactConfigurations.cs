using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Domain.Accounts;
using Rapport.Domain.Contacts;

namespace Rapport.Data.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.Property(a => a.Name).HasMaxLength(200);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.Property(c => c.DisplayName).HasMaxLength(200);
        b.Property(c => c.GivenName).HasMaxLength(100);
        b.Property(c => c.FamilyName).HasMaxLength(100);
        b.Property(c => c.PhotoUrl).HasMaxLength(1000);
        b.Property(c => c.Company).HasMaxLength(200);
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Industry).HasMaxLength(100);
        b.Property(c => c.Function).HasMaxLength(100);
        b.Property(c => c.City).HasMaxLength(100);
        b.Property(c => c.Country).HasMaxLength(100);
        b.Property(c => c.HowWeMet).HasMaxLength(1000);
        b.Property(c => c.Notes).HasMaxLength(20000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.LinkedInUrl);
        b.HasIndex(c => new { c.AccountId, c.DisplayName });
        b.HasIndex(c => new { c.AccountId, c.Company });
        b.HasIndex(c => new { c.AccountId, c.City });
        b.HasOne<Contact>().WithMany().HasForeignKey(c => c.IntroducedById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Domain.Events.NetworkEvent>().WithMany().HasForeignKey(c => c.MetAtEventId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Domain.Organizations.Organization>().WithMany().HasForeignKey(c => c.MetAtOrganizationId).OnDelete(DeleteBehavior.SetNull);
        // Most contacts were introduced by no one and met at no recorded event or organization: their indexes hold only the
        // others (a deletion's lookup for "= id" can use them), rather than a null entry for every imported contact.
        b.HasIndex(c => c.IntroducedById).HasFilter("\"IntroducedById\" IS NOT NULL");
        b.HasIndex(c => c.MetAtEventId).HasFilter("\"MetAtEventId\" IS NOT NULL");
        b.HasIndex(c => c.MetAtOrganizationId).HasFilter("\"MetAtOrganizationId\" IS NOT NULL");
        b.HasMany(c => c.Emails).WithOne().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Phones).WithOne().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Categories).WithOne().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Tags).WithOne().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Profiles).WithOne().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Dates).WithOne().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Sources).WithOne().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
        foreach (var nav in new[] { nameof(Contact.Emails), nameof(Contact.Phones), nameof(Contact.Categories), nameof(Contact.Tags), nameof(Contact.Profiles), nameof(Contact.Dates), nameof(Contact.Sources) })
            b.Navigation(nav).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ContactEmailConfiguration : IEntityTypeConfiguration<ContactEmail>
{
    public void Configure(EntityTypeBuilder<ContactEmail> b)
    {
        b.Property(e => e.Address).HasMaxLength(320);
        b.Property(e => e.Label).HasMaxLength(50);
        b.HasIndex(e => new { e.AccountId, e.Address }).IsUnique();
    }
}

internal sealed class ContactPhoneConfiguration : IEntityTypeConfiguration<ContactPhone>
{
    public void Configure(EntityTypeBuilder<ContactPhone> b)
    {
        b.Property(e => e.Number).HasMaxLength(50);
        b.Property(e => e.Label).HasMaxLength(50);
        b.HasIndex(e => new { e.AccountId, e.Number });
    }
}

internal sealed class ContactCategoryConfiguration : IEntityTypeConfiguration<ContactCategory>
{
    public void Configure(EntityTypeBuilder<ContactCategory> b)
    {
        b.Property(e => e.Category).HasMaxLength(50);
        b.HasIndex(e => new { e.ContactId, e.Category }).IsUnique();
        b.HasIndex(e => new { e.AccountId, e.Category });
    }
}

internal sealed class ContactTagConfiguration : IEntityTypeConfiguration<ContactTag>
{
    public void Configure(EntityTypeBuilder<ContactTag> b)
    {
        b.Property(e => e.Tag).HasMaxLength(100);
        b.HasIndex(e => new { e.ContactId, e.Tag }).IsUnique();
        b.HasIndex(e => new { e.AccountId, e.Tag });
    }
}

internal sealed class ContactProfileConfiguration : IEntityTypeConfiguration<ContactProfile>
{
    public void Configure(EntityTypeBuilder<ContactProfile> b)
    {
        b.Property(e => e.Url).HasMaxLength(500);
        b.HasIndex(e => new { e.AccountId, e.Url });
    }
}

internal sealed class ContactDateConfiguration : IEntityTypeConfiguration<ContactDate>
{
    public void Configure(EntityTypeBuilder<ContactDate> b)
    {
        b.Property(e => e.Label).HasMaxLength(100);
        b.HasIndex(e => new { e.AccountId, e.Month, e.Day });
    }
}

internal sealed class ContactSourceConfiguration : IEntityTypeConfiguration<ContactSource>
{
    public void Configure(EntityTypeBuilder<ContactSource> b)
    {
        b.Property(e => e.Source).HasMaxLength(50);
        b.Property(e => e.ExternalKey).HasMaxLength(500);
        b.Property(e => e.SeenCompany).HasMaxLength(200);
        b.Property(e => e.SeenTitle).HasMaxLength(200);
        b.HasIndex(e => new { e.AccountId, e.Source, e.ExternalKey }).IsUnique();
    }
}

internal sealed class ContactLinkConfiguration : IEntityTypeConfiguration<ContactLink>
{
    public void Configure(EntityTypeBuilder<ContactLink> b)
    {
        b.HasIndex(e => new { e.AccountId, e.ContactAId, e.ContactBId }).IsUnique();
        b.HasIndex(e => e.ContactBId);
        b.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactAId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactBId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LifeEventConfiguration : IEntityTypeConfiguration<LifeEvent>
{
    public void Configure(EntityTypeBuilder<LifeEvent> b)
    {
        b.Property(e => e.Note).HasMaxLength(2000);
        b.HasIndex(e => new { e.AccountId, e.OccurredOn });
        b.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
