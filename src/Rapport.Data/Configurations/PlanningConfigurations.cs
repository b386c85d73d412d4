using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Domain.Contacts;
using Rapport.Domain.Goals;
using Rapport.Domain.Invitations;
using Rapport.Domain.Reminders;
using Rapport.Domain.Settings;
using Rapport.Domain.Trips;

namespace Rapport.Data.Configurations;

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> b)
    {
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.TargetRoles).HasMaxLength(1000);
        b.Property(e => e.TargetIndustries).HasMaxLength(1000);
        b.Property(e => e.TargetOrganizations).HasMaxLength(1000);
        b.HasMany(e => e.Links).WithOne().HasForeignKey(l => l.GoalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.CheckIns).WithOne().HasForeignKey(l => l.GoalId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Links).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(e => e.CheckIns).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class GoalLinkConfiguration : IEntityTypeConfiguration<GoalLink>
{
    public void Configure(EntityTypeBuilder<GoalLink> b)
    {
        b.HasIndex(e => new { e.GoalId, e.Kind, e.TargetId }).IsUnique();
    }
}

internal sealed class GoalCheckInConfiguration : IEntityTypeConfiguration<GoalCheckIn>
{
    public void Configure(EntityTypeBuilder<GoalCheckIn> b)
    {
        b.Property(e => e.Note).HasMaxLength(4000);
    }
}

internal sealed class TripConfiguration : IEntityTypeConfiguration<Trip>
{
    public void Configure(EntityTypeBuilder<Trip> b)
    {
        b.Property(e => e.City).HasMaxLength(100);
        b.Property(e => e.Note).HasMaxLength(2000);
        b.HasIndex(e => new { e.AccountId, e.From });
        b.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Reason).HasMaxLength(1000);
        b.HasOne<Contact>().WithMany().HasForeignKey(e => e.FromContactId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Domain.Organizations.Organization>().WithMany().HasForeignKey(e => e.FromOrganizationId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Domain.Events.NetworkEvent>().WithMany().HasForeignKey(e => e.EventId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> b)
    {
        b.Property(e => e.Note).HasMaxLength(2000);
        b.HasIndex(e => new { e.AccountId, e.Due });
        b.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccountSettingConfiguration : IEntityTypeConfiguration<AccountSetting>
{
    public void Configure(EntityTypeBuilder<AccountSetting> b)
    {
        b.Property(e => e.Key).HasMaxLength(100);
        b.Property(e => e.Value).HasMaxLength(4000);
        b.HasIndex(e => new { e.AccountId, e.Key }).IsUnique();
    }
}
