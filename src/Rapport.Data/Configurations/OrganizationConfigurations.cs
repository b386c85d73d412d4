using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Domain.Collaborations;
using Rapport.Domain.Contacts;
using Rapport.Domain.Events;
using Rapport.Domain.Opportunities;
using Rapport.Domain.Organizations;

namespace Rapport.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Industry).HasMaxLength(100);
        b.Property(e => e.City).HasMaxLength(100);
        b.Property(e => e.Website).HasMaxLength(500);
        b.Property(e => e.Notes).HasMaxLength(20000);
        b.HasIndex(e => new { e.AccountId, e.Name });
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.Property(e => e.Title).HasMaxLength(200);
        b.HasIndex(e => new { e.AccountId, e.OrganizationId });
        b.HasIndex(e => e.ContactId);
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EventConfiguration : IEntityTypeConfiguration<NetworkEvent>
{
    public void Configure(EntityTypeBuilder<NetworkEvent> b)
    {
        b.ToTable("Events");
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.City).HasMaxLength(100);
        b.Property(e => e.Venue).HasMaxLength(200);
        b.Property(e => e.Notes).HasMaxLength(20000);
        b.Property(e => e.Cost).HasPrecision(12, 2);
        b.HasIndex(e => new { e.AccountId, e.StartsAt });
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> b)
    {
        b.HasIndex(e => new { e.EventId, e.ContactId }).IsUnique();
        b.HasIndex(e => e.ContactId);
        b.HasOne<NetworkEvent>().WithMany().HasForeignKey(e => e.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CollaborationConfiguration : IEntityTypeConfiguration<Collaboration>
{
    public void Configure(EntityTypeBuilder<Collaboration> b)
    {
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Outcome).HasMaxLength(4000);
        b.HasMany(e => e.Participants).WithOne().HasForeignKey(p => p.CollaborationId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CollaborationParticipantConfiguration : IEntityTypeConfiguration<CollaborationParticipant>
{
    public void Configure(EntityTypeBuilder<CollaborationParticipant> b)
    {
        b.HasKey(e => new { e.CollaborationId, e.ContactId });
        b.HasIndex(e => e.ContactId);
        b.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> b)
    {
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Notes).HasMaxLength(20000);
        b.HasIndex(e => new { e.AccountId, e.Stage });
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(e => e.Sources).WithOne().HasForeignKey(p => p.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Sources).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OpportunitySourceConfiguration : IEntityTypeConfiguration<OpportunitySource>
{
    public void Configure(EntityTypeBuilder<OpportunitySource> b)
    {
        b.HasKey(e => new { e.OpportunityId, e.ContactId });
        b.HasIndex(e => e.ContactId);
        b.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
