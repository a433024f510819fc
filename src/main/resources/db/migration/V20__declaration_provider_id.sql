-- A declaration names the provider's organisation by its id in the directory, as the catalogue's
-- offers do (`providerId`): a name is for people to read, and two organisations may write theirs
-- alike, so no check of who acts compares names. Declarations made before are given the
-- organisation that can be told, in this order:
-- 1. the provider organisation of the person who submitted it, when that person holds the provider
--    role on exactly one organisation whose name is the one the declaration gave;
-- 2. the organisation the reference catalogue names for the offer (an update of one of its offers);
-- 3. the only provider organisation of the directory whose name is the one the declaration gave.
-- The others keep none: no provider acts on them, and DINUM can only reject them.
alter table offer_declaration add column provider_id varchar(60);

update offer_declaration set provider_id = (
    select min(o.id) from organisation o
    join person_role r on r.organisation_id = o.id and r.role = 'PROVIDER'
    join offer_declaration_event e on e.actor = r.email and e.seq = 1 and e.action = 'SUBMITTED'
    where e.declaration_id = offer_declaration.id and o.kind = 'PROVIDER'
      and lower(trim(o.name)) = lower(trim(offer_declaration.provider))
    having count(distinct o.id) = 1)
where provider_id is null;

update offer_declaration set provider_id = case offer_id
    when 'pi' then 'ministere-interieur'
    when 'nubo' then 'dgfip'
    when 'cloud-pi-native' then 'ministere-interieur'
    when 'outscale-iaas' then 'outscale'
    when 'ovhcloud-hpc-snc' then 'ovhcloud'
    when 'ovhcloud-baremetal-snc' then 'ovhcloud'
    when 'cloudtemple-iaas' then 'cloud-temple'
    when 'cloudtemple-paas-openshift' then 'cloud-temple'
    when 'oodrive-work' then 'oodrive'
    when 's3ns-premi3ns' then 's3ns'
    when 'docaposte-cloud' then 'docaposte'
    when 'worldline-cloud' then 'worldline'
    when 'wimi' then 'wimi'
    when 'bleu' then 'bleu'
    when 'numspot' then 'numspot'
    when 'ovhcloud-snc-cloud-platform' then 'ovhcloud'
    when 'ovhcloud-mks-snc' then 'ovhcloud'
    when 'scaleway' then 'scaleway'
    when 'whaller' then 'whaller'
    when 'orange-business' then 'orange-business'
    when 'free-pro' then 'free-pro'
    when 'cegedim-cloud' then 'cegedim-cloud'
    when 'index-education' then 'index-education'
    when 'scalingo' then 'scalingo'
    when 'aws-region-paris' then 'aws'
    when 'azure-france-central' then 'microsoft'
    when 'gcp-europe-west9' then 'google-cloud'
    when 'tchap' then 'dinum'
    when 'visio' then 'dinum'
    when 'france-transfert' then 'dinum'
    when 'resana' then 'dinum'
    when 'webconference-etat' then 'dinum'
    when 'audioconference-etat' then 'dinum'
    when 'webinaire-etat' then 'dinum'
    when 'dinum-squads-cloud' then 'dinum'
    when 'dinum-bin' then 'dinum'
  end
where provider_id is null and offer_id in (
    'pi', 'nubo', 'cloud-pi-native', 'outscale-iaas', 'ovhcloud-hpc-snc', 'ovhcloud-baremetal-
    snc', 'cloudtemple-iaas', 'cloudtemple-paas-openshift', 'oodrive-work', 's3ns-premi3ns',
    'docaposte-cloud', 'worldline-cloud', 'wimi', 'bleu', 'numspot', 'ovhcloud-snc-cloud-
    platform', 'ovhcloud-mks-snc', 'scaleway', 'whaller', 'orange-business', 'free-pro',
    'cegedim-cloud', 'index-education', 'scalingo', 'aws-region-paris', 'azure-france-central',
    'gcp-europe-west9', 'tchap', 'visio', 'france-transfert', 'resana', 'webconference-etat',
    'audioconference-etat', 'webinaire-etat', 'dinum-squads-cloud', 'dinum-bin');

update offer_declaration set provider_id = (
    select min(o.id) from organisation o
    where o.kind = 'PROVIDER' and lower(trim(o.name)) = lower(trim(offer_declaration.provider))
    having count(*) = 1)
where provider_id is null;

create index offer_declaration_provider on offer_declaration (provider_id);
