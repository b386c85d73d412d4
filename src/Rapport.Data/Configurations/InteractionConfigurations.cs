using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Domain.Contacts;
using Rapport.Domain.Exchanges;
using Rapport.Domain.Interactions;

namespace Rapport.Data.Configurations;

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> b)
    {
        b.Property(e => e.Notes).HasMaxLength(20000);
        b.Property(e => e.Insight).HasMaxLength(4000);
        b.Property(e => e.ExternalKey).HasMaxLength(500);
        b.HasIndex(e => new { e.AccountId, e.OccurredAt });
        b.HasIndex(e => new { e.AccountId, e.ExternalKey });
        b.HasMany(e => e.Participants).WithOne().HasForeignKey(p => p.InteractionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<Domain.Events.NetworkEvent>().WithMany().HasForeignKey(e => e.EventId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class InteractionParticipantConfiguration : IEntityTypeConfiguration<InteractionParticipant>
{
    public void Configure(EntityTypeBuilder<InteractionParticipant> b)
    {
        b.HasKey(e => new { e.InteractionId, e.ContactId });
        b.HasIndex(e => e.ContactId);
        b.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExchangeConfiguration : IEntityTypeConfiguration<Exchange>
{
    public void Configure(EntityTypeBuilder<Exchange> b)
    {
        b.Property(e => e.Note).HasMaxLength(4000);
        b.HasIndex(e => new { e.AccountId, e.ContactId, e.OccurredOn });
        b.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Interaction>().WithMany().HasForeignKey(e => e.InteractionId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Domain.Opportunities.Opportunity>().WithMany().HasForeignKey(e => e.OpportunityId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class IntroductionConfiguration : IEntityTypeConfiguration<Introduction>
{
    public void Configure(EntityTypeBuilder<Introduction> b)
    {
        b.Property(e => e.Outcome).HasMaxLength(1000);
        b.Property(e => e.Note).HasMaxLength(4000);
        b.HasOne<Contact>().WithMany().HasForeignKey(e => e.IntroducerId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Contact>().WithMany().HasForeignKey(e => e.PersonAId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Contact>().WithMany().HasForeignKey(e => e.PersonBId).OnDelete(DeleteBehavior.SetNull);
    }
}
